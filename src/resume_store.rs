//! Where the resume PDF is kept: the browser's IndexedDB. This is the only code that
//! touches IndexedDB, as `storage.rs` is the only code that touches localStorage.
//!
//! Why not localStorage: it holds strings only, about 5 million UTF-16 characters per site
//! in Chromium (10 MB counted as browsers do), and the book needs that room (20,000
//! contacts, issue 13). A 2 MB PDF as base64 is 2.67 million characters, over half of it.
//! IndexedDB stores the bytes as they are, in the site's much larger quota (a share of the
//! disk), and reads them without blocking the page.
//!
//! One database (`followup`, version 1), one object store (`files`), one record under the
//! key `resume`: `{ name, size, saved_on (days from the Common Era), bytes (Uint8Array) }`.
//! A write is one transaction: refused (quota) or interrupted, it leaves the previous
//! resume as it was, and it never touches the book. Nothing here panics; every failure is
//! a [`StoreError`] with a sentence for the student.

use crate::domain::resume::{Resume, ResumeFile};
use chrono::{Datelike, NaiveDate};
use js_sys::{Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

const DB_NAME: &str = "followup";
const DB_VERSION: u32 = 1;
const STORE: &str = "files";
const KEY: &str = "resume";

/// Why the resume could not be read, kept or removed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// This browser gives the page no IndexedDB (some private modes).
    Unavailable,
    /// The browser refused the write: its storage for this site is full.
    Full,
    /// Any other refusal, with the browser's own words.
    Failed(String),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Unavailable => write!(
                f,
                "This browser doesn't let the app keep files (private browsing can do this)"
            ),
            StoreError::Full => write!(
                f,
                "This browser's storage for Followup is full, so the resume wasn't saved. \
                 Everything else is unchanged; free some space (or remove the resume kept \
                 here) and try again"
            ),
            StoreError::Failed(why) => write!(f, "The browser refused ({why})"),
        }
    }
}

/// The error a failed call or request threw (a `DOMException`, or anything with a name).
fn error_of(value: &JsValue) -> StoreError {
    let field = |name: &str| {
        Reflect::get(value, &name.into())
            .ok()
            .and_then(|v| v.as_string())
    };
    match field("name").as_deref() {
        Some("QuotaExceededError") => StoreError::Full,
        Some("InvalidStateError" | "SecurityError") => StoreError::Unavailable,
        name => StoreError::Failed(
            field("message")
                .filter(|m| !m.is_empty())
                .or(name.map(str::to_string))
                .unwrap_or_else(|| "unknown error".to_string()),
        ),
    }
}

/// Waits for `request`; its result, or the error it ended with.
async fn finished(request: &IdbRequest) -> Result<JsValue, StoreError> {
    let promise = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    let outcome = JsFuture::from(promise).await;
    request.set_onsuccess(None);
    request.set_onerror(None);
    match outcome {
        Ok(_) => request.result().map_err(|e| error_of(&e)),
        Err(_) => Err(match request.error() {
            Ok(Some(e)) => error_of(&e),
            _ => StoreError::Failed("the request failed".into()),
        }),
    }
}

/// Waits for `tx` to commit; the error it was aborted with otherwise.
async fn committed(tx: &IdbTransaction) -> Result<(), StoreError> {
    let promise = Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onabort(Some(&reject));
    });
    let outcome = JsFuture::from(promise).await;
    tx.set_oncomplete(None);
    tx.set_onabort(None);
    outcome.map(|_| ()).map_err(|_| match tx.error() {
        Some(e) => error_of(&e),
        None => StoreError::Failed("the write was interrupted".into()),
    })
}

/// Opens the database, creating its one store on first use.
async fn open() -> Result<IdbDatabase, StoreError> {
    let factory = web_sys::window()
        .ok_or(StoreError::Unavailable)?
        .indexed_db()
        .map_err(|e| error_of(&e))?
        .ok_or(StoreError::Unavailable)?;
    let request = factory
        .open_with_u32(DB_NAME, DB_VERSION)
        .map_err(|e| error_of(&e))?;
    let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
        let db = event
            .target()
            .and_then(|t| t.dyn_into::<IdbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok());
        if let Some(db) = db {
            if !db.object_store_names().contains(STORE) {
                let _ = db.create_object_store(STORE);
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let db = finished(&request).await;
    request.set_onupgradeneeded(None);
    drop(upgrade);
    db?.dyn_into::<IdbDatabase>()
        .map_err(|_| StoreError::Failed("the database did not open".into()))
}

/// Runs `f` on the store in one transaction of `mode` and waits for it to commit.
async fn with_store(
    mode: IdbTransactionMode,
    f: impl FnOnce(&web_sys::IdbObjectStore) -> Result<IdbRequest, JsValue>,
) -> Result<JsValue, StoreError> {
    let db = open().await?;
    let outcome = async {
        let tx = db
            .transaction_with_str_and_mode(STORE, mode)
            .map_err(|e| error_of(&e))?;
        let store = tx.object_store(STORE).map_err(|e| error_of(&e))?;
        let request = match f(&store) {
            Ok(request) => request,
            Err(e) => {
                let _ = tx.abort();
                return Err(error_of(&e));
            }
        };
        let result = finished(&request).await;
        committed(&tx).await?;
        result
    }
    .await;
    db.close();
    outcome
}

fn record(resume: &Resume) -> Object {
    let record = Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = Reflect::set(&record, &key.into(), &value);
    };
    set("name", resume.file.name.as_str().into());
    set("size", (resume.bytes.len() as f64).into());
    set("saved_on", resume.file.saved_on.num_days_from_ce().into());
    set("bytes", Uint8Array::from(resume.bytes.as_slice()).into());
    record
}

fn from_record(value: &JsValue) -> Option<Resume> {
    let get = |key: &str| Reflect::get(value, &key.into()).ok();
    let name = get("name")?.as_string()?;
    let days = get("saved_on")?.as_f64()? as i32;
    let bytes = get("bytes")?.dyn_into::<Uint8Array>().ok()?.to_vec();
    Some(Resume {
        file: ResumeFile {
            name,
            size: bytes.len(),
            saved_on: NaiveDate::from_num_days_from_ce_opt(days)?,
        },
        bytes,
    })
}

/// The kept resume, if any.
pub async fn load() -> Result<Option<Resume>, StoreError> {
    let value = with_store(IdbTransactionMode::Readonly, |store| store.get(&KEY.into())).await?;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    from_record(&value)
        .map(Some)
        .ok_or_else(|| StoreError::Failed("the kept resume is damaged; pick it again".into()))
}

/// Keeps `resume`, replacing the one kept before only once it is fully written.
pub async fn save(resume: &Resume) -> Result<(), StoreError> {
    let record = record(resume);
    with_store(IdbTransactionMode::Readwrite, |store| {
        store.put_with_key(&record, &KEY.into())
    })
    .await
    .map(|_| ())
}

/// Removes the kept resume (nothing happens when there is none).
pub async fn remove() -> Result<(), StoreError> {
    with_store(IdbTransactionMode::Readwrite, |store| {
        store.delete(&KEY.into())
    })
    .await
    .map(|_| ())
}
