//! The edge where files cross between the app and the student's device: downloads, the
//! share sheet, and reading a file the student picked.
//!
//! This is the only code that creates files for the user. It never sends anything over
//! the network: a download is a Blob handed to the browser, a share goes to the device's
//! own share sheet, and a picked file is read in memory. What goes into the files is
//! decided by `domain::formats`; nothing here knows a format.

use crate::domain::resume::{Resume, PDF_TYPE};
use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, BlobPropertyBag, File, FilePropertyBag, HtmlAnchorElement, HtmlInputElement, Url,
};

/// A file the student picked.
pub struct Picked {
    /// The file's name as the student's device shows it.
    pub name: String,
    /// Its size in bytes.
    pub size: usize,
    /// Its content, or `None` when it is larger than the limit given to [`read_file`] (so a
    /// huge file is never read into memory).
    pub bytes: Option<Vec<u8>>,
}

fn message(e: JsValue) -> String {
    e.as_string()
        .or_else(|| {
            Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| "the browser refused".to_string())
}

fn blob_parts(text: &str) -> Array {
    Array::of1(&JsValue::from_str(text))
}

/// Saves `text` as a file named `file_name` through the browser's download.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        Blob::new_with_str_sequence_and_options(&blob_parts(text), &options).map_err(message)?;
    download_blob(file_name, &blob)
}

/// Saves `blob` (a file the app holds, such as the resume) as `file_name` through the
/// browser's download.
pub fn download_blob(file_name: &str, blob: &Blob) -> Result<(), String> {
    let url = Url::create_object_url_with_blob(blob).map_err(message)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("there is no page to download from")?;
    let link: HtmlAnchorElement = document
        .create_element("a")
        .map_err(message)?
        .dyn_into()
        .map_err(|_| "could not make a download link".to_string())?;
    link.set_href(&url);
    link.set_download(file_name);
    link.set_hidden(true);
    let body = document.body().ok_or("the page has no body")?;
    body.append_child(&link).map_err(message)?;
    link.click();
    link.remove();
    // The download starts asynchronously: give it a moment before the URL goes away.
    let revoke = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
    Ok(())
}

/// The resume as a file to share or download.
pub fn pdf_file(resume: &Resume) -> Option<File> {
    let options = FilePropertyBag::new();
    options.set_type(PDF_TYPE);
    let parts = Array::of1(&Uint8Array::from(resume.bytes.as_slice()));
    File::new_with_u8_array_sequence_and_options(&parts, &resume.file.file_name(), &options).ok()
}

/// `navigator.share` data: one file, a title (an email's subject) and a text (its body).
fn files_and_text(file: &File, title: &str, text: &str) -> JsValue {
    let data = share_data(file, title);
    let _ = Reflect::set(&data, &"text".into(), &text.into());
    data
}

/// Whether the share sheet can take `file` (Web Share level 2, `navigator.canShare`).
pub fn can_share(file: &File) -> bool {
    navigator_call("canShare", &share_data(file, "")).is_some_and(|ok| ok.is_truthy())
}

/// What became of a share.
pub enum Shared {
    /// The student picked an app; it has the file and the text.
    Sent,
    /// The student closed the share sheet (`AbortError`): not an error.
    Cancelled,
    /// The browser refused, in its own words.
    Refused(String),
}

/// Opens the share sheet with `file`, `title` and `text` now (browsers allow sharing only
/// while a tap is handled, so call it from the tap with the file made beforehand) and
/// returns what became of it.
pub fn share_with_text(
    file: &File,
    title: &str,
    text: &str,
) -> impl std::future::Future<Output = Shared> + 'static {
    let data = files_and_text(file, title, text);
    let promise = navigator_call("share", &data).and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    async move {
        let Some(promise) = promise else {
            return Shared::Refused("this browser has no share sheet".into());
        };
        match JsFuture::from(promise).await {
            Ok(_) => Shared::Sent,
            Err(e) if error_name(&e).as_deref() == Some("AbortError") => Shared::Cancelled,
            Err(e) => Shared::Refused(message(e)),
        }
    }
}

fn error_name(e: &JsValue) -> Option<String> {
    Reflect::get(e, &"name".into()).ok()?.as_string()
}

fn file_of(file_name: &str, mime: &str, text: &str) -> Option<File> {
    let options = FilePropertyBag::new();
    options.set_type(mime);
    File::new_with_str_sequence_and_options(&blob_parts(text), file_name, &options).ok()
}

/// `navigator.share` data holding one file.
fn share_data(file: &File, title: &str) -> JsValue {
    let data = js_sys::Object::new();
    let _ = Reflect::set(&data, &"files".into(), &Array::of1(file));
    if !title.is_empty() {
        let _ = Reflect::set(&data, &"title".into(), &title.into());
    }
    data.into()
}

/// Calls `navigator.<method>(data)`, or `None` when the browser has no such method.
fn navigator_call(method: &str, data: &JsValue) -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    let function = Reflect::get(&navigator, &method.into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    function.call1(&navigator, data).ok()
}

/// Whether this browser can share files through the device's share sheet (Web Share
/// level 2: `navigator.canShare({ files })`).
pub fn can_share_files() -> bool {
    let Some(file) = file_of("followup.txt", "text/plain", "") else {
        return false;
    };
    navigator_call("canShare", &share_data(&file, "Followup")).is_some_and(|ok| ok.is_truthy())
}

/// Opens the share sheet with `text` as a file. Returns whether the sheet could be opened;
/// the student may still cancel it, which is not an error.
pub fn share_file(file_name: &str, mime: &str, text: &str) -> bool {
    let Some(file) = file_of(file_name, mime, text) else {
        return false;
    };
    let data = share_data(&file, file_name);
    let allowed = navigator_call("canShare", &data).is_some_and(|ok| ok.is_truthy());
    if !allowed {
        return false;
    }
    match navigator_call("share", &data).and_then(|p| p.dyn_into::<js_sys::Promise>().ok()) {
        Some(promise) => {
            // A cancelled sheet rejects the promise; handle it so it is not reported.
            wasm_bindgen_futures::spawn_local(async move {
                let _ = JsFuture::from(promise).await;
            });
            true
        }
        None => false,
    }
}

/// Reads the first file chosen in `input`. Files larger than `max_bytes` are not read.
/// `Ok(None)` when nothing is chosen.
pub async fn read_file(
    input: HtmlInputElement,
    max_bytes: usize,
) -> Result<Option<Picked>, String> {
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return Ok(None);
    };
    let name = file.name();
    let size = file.size() as usize;
    if size > max_bytes {
        return Ok(Some(Picked {
            name,
            size,
            bytes: None,
        }));
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("{name} could not be read: {}", message(e)))?;
    let bytes = Uint8Array::new(&buffer).to_vec();
    Ok(Some(Picked {
        name,
        size,
        bytes: Some(bytes),
    }))
}
