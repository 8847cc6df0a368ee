//! Optional photos: taken or chosen on the phone, resized on the device to at most 1600 px on
//! the longest side and re-encoded as JPEG (which drops the camera's EXIF data, such as where
//! the photo was taken), shown as thumbnails with a description the resident can edit.

use leptos::prelude::*;

use crate::domain::pages::FieldId;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlInputElement, ImageBitmap};

use crate::answers::use_answers;
use crate::components::error_summary::{field_error, ErrorMessage};
use crate::components::question::QuestionPage;
use crate::components::page_heading::PageHeading;
use crate::domain::draft::{Photo, MAX_PHOTOS};
use crate::domain::pages::PageId;
use crate::domain::language::Language;
use crate::domain::translations::photos as t;
use crate::pages::question;
use crate::settings::use_settings;

const LONGEST_SIDE: f64 = 1600.0;
const JPEG_QUALITY: f64 = 0.8;

/// Decodes an image file, scales it down and re-encodes it as JPEG.
async fn resize(file: web_sys::File, language: Language) -> Result<Photo, String> {
    let failed = |_| t::not_a_photo(language).to_string();
    let promise = window()
        .create_image_bitmap_with_blob(&file)
        .map_err(failed)?;
    let bitmap: ImageBitmap = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(failed)?
        .unchecked_into();
    let (width, height) = (bitmap.width() as f64, bitmap.height() as f64);
    let scale = (LONGEST_SIDE / width.max(height)).min(1.0);
    let (w, h) = (
        (width * scale).round().max(1.0),
        (height * scale).round().max(1.0),
    );
    let canvas: HtmlCanvasElement = document()
        .create_element("canvas")
        .map_err(failed)?
        .unchecked_into();
    canvas.set_width(w as u32);
    canvas.set_height(h as u32);
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .ok_or("No canvas on this browser.".to_string())?
        .unchecked_into();
    // JPEG has no transparency: a white background rather than black.
    context.set_fill_style_str("#ffffff");
    context.fill_rect(0.0, 0.0, w, h);
    context
        .draw_image_with_image_bitmap_and_dw_and_dh(&bitmap, 0.0, 0.0, w, h)
        .map_err(failed)?;
    bitmap.close();
    let url = canvas
        .to_data_url_with_type_and_encoder_options("image/jpeg", &JPEG_QUALITY.into())
        .map_err(failed)?;
    let jpeg_base64 = url
        .split_once(',')
        .map(|(_, data)| data.to_string())
        .unwrap_or_default();
    Ok(Photo {
        name: file.name(),
        alt: String::new(),
        width: w as u32,
        height: h as u32,
        jpeg_base64,
    })
}

#[component]
pub fn PhotosPage() -> impl IntoView {
    let (draft, language) = (use_answers().draft, use_settings().language);
    let title = question(PageId::Photos);
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let on_files = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        let Some(files) = input.files() else { return };
        let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
        input.set_value("");
        busy.set(true);
        problem.set(None);
        spawn_local(async move {
            for file in files {
                if draft.with_untracked(|d| d.photos.len()) >= MAX_PHOTOS {
                    problem.set(Some(t::up_to(language, &MAX_PHOTOS.to_string())));
                    break;
                }
                match resize(file, language).await {
                    Ok(photo) => draft.update(|d| d.photos.push(photo)),
                    Err(message) => problem.set(Some(message)),
                }
            }
            busy.set(false);
        });
    };
    let thumbnails = move || {
        draft.with(|d| {
            d.photos
                .iter()
                .enumerate()
                .map(|(index, photo)| {
                    let jpeg_base64 = photo.jpeg_base64.clone();
                    let alt = photo.alt.clone();
                    let id = format!("photo-alt-{}", index + 1);
                    let number = index + 1;
                    view! {
                        <li class="photo">
                            <Thumbnail jpeg_base64 alt=alt.clone() />
                            <div class="photo__fields">
                                <label class="label" for=id.clone()>{t::describe(language, &number.to_string())}</label>
                                <input
                                    class="input"
                                    id=id
                                    type="text"
                                    prop:value=alt
                                    on:change=move |ev| {
                                        let text = event_target_value(&ev);
                                        draft.update(|d| if let Some(p) = d.photos.get_mut(index) { p.alt = text });
                                    }
                                />
                                <button type="button" class="button button--secondary" on:click=move |_| draft.update(|d| { if index < d.photos.len() { d.photos.remove(index); } })>
                                    {t::remove(language)} " " <span class="visually-hidden">{t::which_photo(language, &number.to_string())}</span>
                                </button>
                            </div>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <QuestionPage page=PageId::Photos title=title.clone()>
            <PageHeading title />
            <p>{t::intro(language)}</p>
            <p class="hint">{t::made_smaller(language)}</p>
            <PhotoErrors />
                <ul class="list photos">{thumbnails}</ul>
                <label class="label" for="photos"><span class="label-text">{t::add(language)}</span></label>
                <input class="file-upload" id="photos" name="photos" type="file" accept="image/*" multiple on:change=on_files />

            <div role="status">
                {move || busy.get().then(|| view! { <p class="inset">{t::getting_ready(language)}</p> })}
                {move || problem.get().map(|text| view! { <p class="error-message">{text}</p> })}
            </div>
        </QuestionPage>
    }
}

/// The page's inline error, built inside the form so it reads this page's errors.
#[component]
fn PhotoErrors() -> impl IntoView {
    let error = field_error(FieldId::Photos);
    view! { <ErrorMessage name="photos" error /> }
}

/// A photo drawn on a canvas: a strict Content-Security-Policy (`img-src 'self'`) would block
/// it as a `data:` image, but not decoding its bytes and drawing them.
#[component]
fn Thumbnail(jpeg_base64: String, alt: String) -> impl IntoView {
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    Effect::new(move |_| {
        let Some(canvas) = canvas.get() else { return };
        let jpeg_base64 = jpeg_base64.clone();
        spawn_local(async move {
            let _ = draw(&canvas, &jpeg_base64).await;
        });
    });
    // Until the resident describes it, the photo is decoration beside its description field.
    let described = !alt.trim().is_empty();
    view! {
        <canvas
            class="photo__image"
            node_ref=canvas
            role=described.then_some("img")
            aria-label=described.then_some(alt)
            aria-hidden=(!described).then_some("true")
            width="160"
            height="120"
        ></canvas>
    }
}

const THUMBNAIL_WIDTH: f64 = 160.0;

async fn draw(canvas: &HtmlCanvasElement, jpeg_base64: &str) -> Result<(), wasm_bindgen::JsValue> {
    // atob gives one character per byte.
    let bytes: Vec<u8> = window().atob(jpeg_base64)?.chars().map(|c| c as u8).collect();
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes.as_slice()));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts)?;
    let bitmap: ImageBitmap =
        wasm_bindgen_futures::JsFuture::from(window().create_image_bitmap_with_blob(&blob)?)
            .await?
            .unchecked_into();
    let height = (THUMBNAIL_WIDTH * f64::from(bitmap.height()) / f64::from(bitmap.width().max(1))).round();
    canvas.set_height(height.max(1.0) as u32);
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or(wasm_bindgen::JsValue::NULL)?
        .unchecked_into();
    context.draw_image_with_image_bitmap_and_dw_and_dh(&bitmap, 0.0, 0.0, THUMBNAIL_WIDTH, height)?;
    bitmap.close();
    Ok(())
}
