//! My card: the student's QR code, full screen and high contrast, for the recruiter who
//! asks "can I scan you?". It holds the LinkedIn profile link, a contact card or the link
//! to My page (`public/me.html`, see `domain::my_page`), as the student chooses
//! (remembered in settings); until the profile has what the card needs, it says which
//! field to fill and links to Settings.
//!
//! The only page that uses the QR encoder (`qr.rs`), so the encoder can load with it.

use crate::components::notice::use_notices;
use crate::domain::card::{card_text, CardKind, Missing};
use crate::domain::my_page::MyPage;
use crate::domain::Command;
use crate::qr::qr_svg;
use crate::routes::Screen;
use crate::state::use_app;
use crate::view::card::{caption, left_out_note, segment_id};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn MyCard() -> impl IntoView {
    let state = use_app();
    let kind = Memo::new(move |_| state.book.with(|b| b.settings().card));
    // The site's address (`https://…/followup/`), where My page is.
    let site = document().base_uri().ok().flatten().unwrap_or_default();
    let text = Memo::new(move |_| {
        state.book.with(|b| {
            let kind = kind.get();
            let text = card_text(b.profile(), kind, &site)?;
            let left_out = match kind {
                CardKind::MyPage => MyPage::from_profile(b.profile())
                    .map(|page| left_out_note(&page.fit(&site).1))
                    .unwrap_or_default(),
                CardKind::LinkedIn | CardKind::VCard => None,
            };
            Ok::<_, Missing>((kind, text, left_out))
        })
    });
    let notices = use_notices();
    let choose = move |k: CardKind| notices.report(state.apply(Command::SetCard(k)));
    view! {
        <main id="main" data-page="card" class="page my-card-page">
            <header class="page-head my-card-head">
                <h1>"My card"</h1>
                <p class="subtitle">"Let them scan this to connect with you."</p>
            </header>
            <div class="segmented" role="radiogroup" aria-label="What the code holds">
                {CardKind::ALL.into_iter().map(|k| view! {
                    <button type="button" role="radio" class="segment"
                        id=segment_id(k)
                        aria-checked=move || (kind.get() == k).to_string()
                        on:click=move |_| choose(k)>{k.label()}</button>
                }).collect_view()}
            </div>
            {move || match text.get() {
                Ok((kind, text, left_out)) => view! {
                    <Code kind text/>
                    {left_out.map(|note| view! { <p class="meta my-card-left-out" id="my-page-left-out">{note}</p> })}
                }.into_any(),
                Err(missing) => view! {
                    <section class="card my-card-missing" aria-labelledby="card-missing-title">
                        <h2 id="card-missing-title">"Nothing to show yet"</h2>
                        <p>{missing.to_string()}</p>
                        <A href=Screen::Settings.href() attr:class="button primary" attr:id="card-fill">"Fill in your profile"</A>
                    </section>
                }.into_any(),
            }}
            <A href=Screen::Capture.href() attr:class="button my-card-back">"Back to Add"</A>
        </main>
    }
}

/// The QR code of `text`, black on white whatever the theme, with what it says under it
/// (and, for My page, a link to see it as they will).
#[component]
fn Code(kind: CardKind, text: String) -> impl IntoView {
    match qr_svg(&text) {
        Ok(svg) => {
            let view_box = format!("0 0 {0} {0}", svg.size);
            let caption = caption(kind, &text);
            let preview = (kind == CardKind::MyPage).then(|| {
                view! { <a id="my-page-open" class="button small" href=text.clone() target="_blank" rel="noopener">"See My page"</a> }
            });
            view! {
                <figure class="my-card-code">
                    <svg id="my-card-qr" role="img" aria-label="QR code of your card" viewBox=view_box
                        xmlns="http://www.w3.org/2000/svg" shape-rendering="crispEdges" data-payload=text>
                        <rect width="100%" height="100%" fill="#ffffff"/>
                        <path d=svg.path fill="#000000"/>
                    </svg>
                    <figcaption class="my-card-caption">{caption}</figcaption>
                    {preview}
                </figure>
            }
            .into_any()
        }
        Err(e) => view! { <p class="field-error" role="alert">{e}</p> }.into_any(),
    }
}
