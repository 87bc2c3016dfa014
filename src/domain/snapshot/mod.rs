//! How the book is laid out in storage, and how stored text becomes a book again.
//!
//! Three shapes exist:
//! - the **document**: the whole book as one JSON object, `{"version": 1, "contacts": [...],
//!   "events": [...], ...}`. Backups are documents, and storage version 1 kept one under
//!   [`LEGACY_KEY`];
//! - storage version 2: a meta key ([`META_KEY`]: version, events, profile, templates,
//!   settings) and one key per contact (`followup.c.<id>`, the contact's JSON or a
//!   tombstone `{"deleted_at": ms}`). Read and migrated, never written;
//! - storage version 3 ([`VERSION`]): the meta key and [`SHARDS`] shards
//!   (`followup.s.NN`). A contact lives in the shard its id hashes to; a shard is its
//!   contacts' JSON lines (tombstones `{"id":…,"deleted_at":ms}`), compressed and packed 15
//!   bits per UTF-16 unit (`pack`): about a sixth of version 2's room. A save writes only
//!   the shards of the contacts that changed, and another tab's shard is merged by
//!   [`merge_remote`] contact by contact: the later `updated_at` wins; a delete wins over
//!   edits older than it. Each shard written is followed by its digest (`followup.d.NN`,
//!   derived data: the agenda's part of its contacts, tied to the shard's text by a hash).
//!
//! [`decode_keys`] reads every key of any version (migrating versions 1 and 2 forward) and
//! tells apart data it cannot read — broken JSON, a wrong shape, or a newer version, which
//! must never be overwritten. [`plan`] turns "what changed" into the writes to make.
//! Nothing here touches storage; `storage.rs` does.
//!
//! Code map:
//! - `document`: the whole-book JSON document (backups, storage version 1).
//! - `keyed`: the meta key, shards and version 2's contact keys: how each is written and
//!   read.
//! - `pack`: LZW compression packed into UTF-16 characters.
//! - `digest`: each shard's digest key (`followup.d.NN`): what the agenda needs from its
//!   contacts, so the first screen is drawn from a [`Glance`] before the book is read.
//! - `save`: `Saved`, `Dirty`, `touched_contacts` and `plan`, the writes one save makes.
//! - `load`: `decode_keys`, reading every key back into a book.
//! - `merge`: `merge_remote`, another tab's change to one key.
//! - `journal`: the journal that makes a save of several keys atomic, and the recovery
//!   of a save cut short.

use std::fmt;

use serde::Deserialize;

mod digest;
mod document;
mod journal;
mod keyed;
mod load;
mod merge;
mod pack;
mod save;

pub use digest::{digest_key, glance, Glance, GlanceContact, GlanceStep, DIGEST_PREFIX};
pub use document::{decode, encode, encode_pretty, pretty};
pub use journal::{cut_short_message, overlay, recover, undo, Op, Recovery, JOURNAL_KEY};
pub use keyed::{contact_key, is_data_key, obsolete_in, shard_key, shard_of};
pub use load::{decode_glanced, decode_keys, glanced_parts, Stored, Unreadable};
pub use merge::{merge_remote, Remote};
pub use pack::{pack, unpack};
pub use save::{
    encode_keys, import_growth, import_keys, plan, stored_bytes, touched_contacts, Dirty, Plan,
    Saved, TOMBSTONE_DAYS,
};

/// The one key of storage version 1 (a whole document).
pub const LEGACY_KEY: &str = "followup.v1";
/// The meta key of the keyed layout: version, events, profile, templates, settings.
pub const META_KEY: &str = "followup.meta";
/// Each contact's key in storage version 2 is this prefix and its id.
pub const CONTACT_PREFIX: &str = "followup.c.";
/// The keys of storage version 3's shards: this prefix and two digits.
pub const SHARD_PREFIX: &str = "followup.s.";
/// How many shards contacts are spread over (by a hash of their id). Fixed: every tab must
/// agree. 64 keeps a save small (one shard, 1/64 of the book) while each shard still
/// holds enough contacts to compress well (measured in the report of issue 13).
pub const SHARDS: u32 = 64;
/// Every key the app owns starts with this.
pub const KEY_PREFIX: &str = "followup.";

/// The storage version written in the meta key.
pub const VERSION: u32 = 3;
/// The version of the whole-book document (backups).
pub const DOCUMENT_VERSION: u32 = 1;

/// Why stored data could not be read. The stored text must be kept, not overwritten.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SnapshotError {
    /// The text is not JSON at all.
    NotJson(String),
    /// JSON, but not Followup data (or damaged data).
    WrongShape(String),
    /// Written by a newer version of Followup than this one.
    Newer(u32),
}

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SnapshotError::NotJson(detail) => write!(
                f,
                "Your saved contacts could not be read (the data is damaged: {detail}). \
                 They were kept as they are."
            ),
            SnapshotError::WrongShape(detail) => write!(
                f,
                "Your saved contacts are not in the expected format ({detail}). \
                 They were kept as they are."
            ),
            SnapshotError::Newer(version) => write!(
                f,
                "Your contacts were saved by a newer version of Followup (data format \
                 {version}). Reload the page to update."
            ),
        }
    }
}

impl std::error::Error for SnapshotError {}

/// The `version` of a stored object, refused when missing, zero or above `newest`.
///
/// Read by a typed pass that skips every other member (no `serde_json::Value`): the
/// object is then read straight into its own type, which keeps the generic value's
/// deserializer, and a second copy of every type's visitor, out of the first load.
fn version_in(text: &str, newest: u32) -> Result<u32, SnapshotError> {
    #[derive(Deserialize)]
    struct Head {
        #[serde(default)]
        version: Option<u64>,
    }
    let head = serde_json::from_str::<Head>(text).map_err(|e| {
        if !e.is_data() {
            SnapshotError::NotJson(e.to_string())
        } else if text.trim_start().starts_with('{') {
            SnapshotError::WrongShape("no version number".into())
        } else {
            SnapshotError::WrongShape("expected an object".into())
        }
    })?;
    let version = match head.version {
        Some(v) => u32::try_from(v).unwrap_or(u32::MAX),
        None => return Err(SnapshotError::WrongShape("no version number".into())),
    };
    if version > newest {
        return Err(SnapshotError::Newer(version));
    }
    if version == 0 {
        return Err(SnapshotError::WrongShape("version 0 does not exist".into()));
    }
    Ok(version)
}

#[cfg(test)]
mod shard_tests;
#[cfg(test)]
mod tests;
