//! Scan: read a recruiter's LinkedIn QR code, vCard or MECARD with the camera and open
//! capture prefilled.
//!
//! Uses the browser's `BarcodeDetector` (Chromium on Android and desktop). Where it is
//! missing (Safari on iPhone, Firefox) the page says so and offers pasting the link the
//! camera app shows; when the camera cannot start it says why and offers the same. A photo
//! taken with the camera app can be read too where the detector exists. The page never
//! shows a blank camera: the video has a status line over it until a code is found.

use crate::routes::{use_go, Screen};
use js_sys::{Array, Function, Object, Promise, Reflect};
use leptos::html::Video;
use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlInputElement, MediaStream, MediaStreamConstraints, MediaStreamTrack};

/// Where scanning stands.
#[derive(Clone, Debug, PartialEq)]
enum Camera {
    Starting,
    Looking,
    /// The camera could not start: why, in a sentence.
    Failed(String),
}

/// The capture page prefilled with a scanned or pasted code.
fn capture(code: &str) -> Screen {
    Screen::CaptureScanned(code.trim().to_string())
}

#[component]
pub fn Scan() -> impl IntoView {
    let supported = detector().is_some();
    view! {
        <main id="main" data-page="scan" class="page scan-page">
            <header class="page-head">
                <h1>"Scan a QR code"</h1>
                <p class="subtitle">"A LinkedIn QR code or a contact card opens Add, filled in."</p>
            </header>
            {if supported {
                view! { <CameraScan/> }.into_any()
            } else {
                view! {
                    <p class="card scan-unsupported" id="scan-unsupported" role="status">
                        "This browser can't read QR codes inside the app (Safari on iPhone and Firefox don't offer it). "
                        "Scan with your phone's camera app, copy the link it shows and paste it below."
                    </p>
                }.into_any()
            }}
            <PasteCode/>
            <A href=Screen::Capture.href() attr:class="button scan-back">"Back to Add"</A>
        </main>
    }
}

#[component]
fn CameraScan() -> impl IntoView {
    let go = use_go();
    let video = NodeRef::<Video>::new();
    let camera = RwSignal::new(Camera::Starting);
    // Local to this thread (the browser's only one); read after unmount as "stopped".
    let running = StoredValue::new_local(true);
    let stream = StoredValue::new_local(None::<MediaStream>);

    let found = {
        let go = go.clone();
        move |code: String| go(capture(&code))
    };

    {
        let found = found.clone();
        Effect::new(move || {
            let Some(element) = video.get() else {
                return;
            };
            let found = found.clone();
            leptos::task::spawn_local(watch_camera(element, camera, running, stream, found));
        });
    }
    on_cleanup(move || {
        running.set_value(false);
        if let Some(media) = stream.try_update_value(Option::take).flatten() {
            stop(&media);
        }
    });

    let on_photo = move |ev: leptos::ev::Event| {
        let Some(file) = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0))
        else {
            return;
        };
        leptos::task::spawn_local(read_photo(file, camera, found.clone()));
    };

    view! {
        <section class="card scan-camera" aria-labelledby="scan-camera-title">
            <h2 id="scan-camera-title" class="visually-hidden">"Camera"</h2>
            <div class="scan-viewport">
                <video node_ref=video class="scan-video" autoplay=true muted=true playsinline=true aria-hidden="true"></video>
                <p class="scan-status" id="scan-status" role="status">{move || match camera.get() {
                    Camera::Starting => "Starting the camera…".to_string(),
                    Camera::Looking => "Point the camera at the QR code.".to_string(),
                    Camera::Failed(message) => message,
                }}</p>
            </div>
            <label class="button scan-photo" for="scan-photo">"Read a photo instead"</label>
            <input id="scan-photo" class="visually-hidden" type="file" accept="image/*" on:change=on_photo/>
        </section>
    }
}

/// Starts the camera in `element` and looks for a code four times a second until one is
/// found (handed to `found`) or the page closes (`running` false; the stream is stopped).
async fn watch_camera(
    element: web_sys::HtmlVideoElement,
    camera: RwSignal<Camera>,
    running: StoredValue<bool, LocalStorage>,
    stream: StoredValue<Option<MediaStream>, LocalStorage>,
    found: impl Fn(String) + 'static,
) {
    let is_running = move || running.try_get_value().unwrap_or(false);
    match open_camera().await {
        Ok(media) if is_running() => {
            element.set_src_object(Some(&media));
            if let Ok(playing) = element.play() {
                // Refused when the page closes first: nothing to report.
                leptos::task::spawn_local(async move {
                    let _ = JsFuture::from(playing).await;
                });
            }
            stream.set_value(Some(media));
            camera.try_set(Camera::Looking);
        }
        // The page closed while the camera was starting.
        Ok(media) => return stop(&media),
        Err(message) => {
            camera.try_set(Camera::Failed(message));
            return;
        }
    }
    while is_running() {
        if let Some(code) = detect(&element).await {
            if is_running() {
                found(code);
            }
            break;
        }
        sleep(250).await;
    }
}

/// Looks for a code in a picked photo; says so when there is none or the file is no image.
async fn read_photo(file: web_sys::File, camera: RwSignal<Camera>, found: impl Fn(String)) {
    let Ok(promise) = web_sys::window()
        .expect("a window")
        .create_image_bitmap_with_blob(&file)
    else {
        return;
    };
    match JsFuture::from(promise).await {
        Ok(bitmap) => match detect(&bitmap).await {
            Some(code) => found(code),
            None => camera.set(Camera::Failed(
                "No QR code was found in that photo. Try again closer, or paste the link below."
                    .into(),
            )),
        },
        Err(_) => camera.set(Camera::Failed(
            "That file couldn't be read as a photo. Paste the link below instead.".into(),
        )),
    }
}

/// A text box for the link or card text, for browsers without a detector or a camera.
#[component]
fn PasteCode() -> impl IntoView {
    let go = use_go();
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let code = text.get_untracked();
        if code.trim().is_empty() {
            error.set(Some(
                "Paste a LinkedIn link or the text of a contact card first.".into(),
            ));
            return;
        }
        go(capture(&code));
    };
    view! {
        <form class="card scan-paste" on:submit=submit novalidate>
            <label for="scan-paste-text">"Or paste a link"</label>
            <textarea id="scan-paste-text" rows="3" placeholder="linkedin.com/in/…"
                aria-describedby=move || error.get().map(|_| "scan-paste-error")
                prop:value=text on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            {move || error.get().map(|e| view! { <p class="field-error" id="scan-paste-error" role="alert">{e}</p> })}
            <button id="scan-paste-use" type="submit" class="button primary">"Fill in Add"</button>
        </form>
    }
}

/// `new BarcodeDetector({ formats: ["qr_code"] })`, or `None` where the browser lacks it.
fn detector() -> Option<JsValue> {
    let window = web_sys::window()?;
    let constructor = Reflect::get(&window, &"BarcodeDetector".into()).ok()?;
    let constructor = constructor.dyn_into::<Function>().ok()?;
    let options = Object::new();
    Reflect::set(&options, &"formats".into(), &Array::of1(&"qr_code".into())).ok()?;
    Reflect::construct(&constructor, &Array::of1(&options)).ok()
}

/// The text of the first QR code in `source` (a video or an image), if any.
async fn detect(source: &JsValue) -> Option<String> {
    let detector = detector()?;
    let detect = Reflect::get(&detector, &"detect".into())
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    let promise = detect
        .call1(&detector, source)
        .ok()?
        .dyn_into::<Promise>()
        .ok()?;
    let codes = JsFuture::from(promise)
        .await
        .ok()?
        .dyn_into::<Array>()
        .ok()?;
    codes
        .iter()
        .find_map(|code| Reflect::get(&code, &"rawValue".into()).ok()?.as_string())
        .filter(|text| !text.trim().is_empty())
}

/// The back camera, or a sentence saying why it could not start.
async fn open_camera() -> Result<MediaStream, String> {
    let devices = web_sys::window()
        .and_then(|w| w.navigator().media_devices().ok())
        .ok_or("This browser gives no access to a camera here. Paste the link below instead.")?;
    let constraints = MediaStreamConstraints::new();
    let video = Object::new();
    let _ = Reflect::set(&video, &"facingMode".into(), &"environment".into());
    constraints.set_video(&video);
    let promise = devices
        .get_user_media_with_constraints(&constraints)
        .map_err(|_| "The camera couldn't be started. Paste the link below instead.".to_string())?;
    match JsFuture::from(promise).await {
        Ok(stream) => Ok(stream.unchecked_into()),
        Err(e) => {
            let name = Reflect::get(&e, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .unwrap_or_default();
            Err(match name.as_str() {
                "NotAllowedError" | "SecurityError" => {
                    "Followup isn't allowed to use the camera. Allow it in the browser's site \
                     settings, or paste the link below."
                }
                "NotFoundError" | "OverconstrainedError" => {
                    "No camera was found. Paste the link below instead."
                }
                _ => "The camera couldn't be started. Paste the link below instead.",
            }
            .to_string())
        }
    }
}

fn stop(stream: &MediaStream) {
    for track in stream.get_tracks().iter() {
        if let Ok(track) = track.dyn_into::<MediaStreamTrack>() {
            track.stop();
        }
    }
}

async fn sleep(ms: i32) {
    let promise = Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}
