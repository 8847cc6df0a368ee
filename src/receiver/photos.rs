//! The photos residents attach, checked and cleaned before they are stored.
//!
//! The app sends a JPEG that a browser canvas re-encoded, but anything may arrive, so a photo
//! is accepted only if its bytes are a JPEG or a PNG whose structure parses, within the pixel
//! limits. It is rewritten from an allow-list of its parts, which drops the metadata (EXIF with
//! GPS, XMP, ICC, IPTC, comments, PNG text) and anything after the end of the image (a
//! polyglot's ZIP or HTML). The coded pixels are copied as they are, not decoded.

use base64::{engine::general_purpose::STANDARD, Engine};
use img_parts::{png::Png, Bytes};

/// How big a photo may be, read from the image itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhotoLimits {
    pub max_side: u32,
    pub max_pixels: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageType {
    Jpeg,
    Png,
}

impl ImageType {
    pub fn extension(self) -> &'static str {
        match self {
            ImageType::Jpeg => "jpg",
            ImageType::Png => "png",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanPhoto {
    pub image_type: ImageType,
    pub width: u32,
    pub height: u32,
    /// Standard base64 (with padding) of the cleaned bytes.
    pub base64: String,
}

const NOT_AN_IMAGE: &str = "is not a JPEG or PNG image";
const BAD_JPEG: &str = "is a damaged or unsupported JPEG image";
const BAD_PNG: &str = "is a damaged or unsupported PNG image";
const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
/// PNG chunks kept: the image itself and how to render it. Everything else (tEXt, zTXt, iTXt,
/// eXIf, tIME, iCCP, APNG frames, private chunks) is dropped.
const PNG_KEPT: [[u8; 4]; 9] = [
    *b"IHDR", *b"PLTE", *b"IDAT", *b"IEND", *b"tRNS", *b"gAMA", *b"cHRM", *b"sRGB", *b"pHYs",
];

/// Checks and cleans one photo. The error is a reason starting lower-case ("is not valid
/// base64"), for the caller to prefix with "photo 2 ".
pub fn clean(base64: &str, limits: &PhotoLimits) -> Result<CleanPhoto, String> {
    let Ok(bytes) = STANDARD.decode(base64) else {
        return Err("is not valid base64".into());
    };
    let (image_type, (width, height, cleaned)) = if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        (ImageType::Jpeg, clean_jpeg(&bytes).ok_or(BAD_JPEG)?)
    } else if bytes.starts_with(PNG_SIGNATURE) {
        (ImageType::Png, clean_png(bytes).ok_or(BAD_PNG)?)
    } else if bytes.is_empty() {
        return Err("is empty".into());
    } else {
        return Err(NOT_AN_IMAGE.into());
    };
    let (side, most) = (limits.max_side, limits.max_pixels);
    let pixels = u64::from(width) * u64::from(height);
    Err(if width == 0 || height == 0 {
        "has a width or height of 0 pixels".into()
    } else if width > side {
        format!("is {width} pixels wide: the limit is {side}")
    } else if height > side {
        format!("is {height} pixels high: the limit is {side}")
    } else if pixels > most {
        format!("has {pixels} pixels: the limit is {most}")
    } else {
        let base64 = STANDARD.encode(cleaned);
        return Ok(CleanPhoto {
            image_type,
            width,
            height,
            base64,
        });
    })
}

/// Rewrites a JPEG from its allowed segments; `None` if it is damaged or of a kind browsers
/// don't show. Hand-written rather than img-parts, because img-parts keeps everything after
/// the first scan header as one opaque blob: later scans, but also any APPn or COM segment
/// between scans and whatever follows the end of the image, which must all be looked at.
fn clean_jpeg(data: &[u8]) -> Option<(u32, u32, Vec<u8>)> {
    let mut out = vec![0xFF, 0xD8];
    let (mut i, mut size, mut in_scan, mut scanned) = (2, None, false, false);
    loop {
        // Find the next marker. Inside a scan's coded data, 0xFF 0x00 (an escaped 0xFF) and
        // RST0-7 (restart markers) belong to the data and are copied with it. Outside a scan,
        // stray bytes between segments are dropped.
        let start = i;
        let ff = loop {
            let p = i + data.get(i..)?.iter().position(|&b| b == 0xFF)?;
            match *data.get(p + 1)? {
                0x00 | 0xD0..=0xD7 if in_scan => i = p + 2,
                _ => break p,
            }
        };
        if in_scan {
            out.extend_from_slice(&data[start..ff]);
        }
        i = ff + data[ff..].iter().position(|&b| b != 0xFF)?; // skips fill bytes
        let marker = data[i];
        if marker == 0xD9 {
            // End of image, after at least one scan; anything after it is dropped.
            out.extend_from_slice(&[0xFF, 0xD9]);
            let (width, height) = size?;
            return scanned.then_some((width, height, out));
        }
        // Every other marker allowed here has a 2-byte length, which counts itself.
        let len = usize::from(u16::from_be_bytes([*data.get(i + 1)?, *data.get(i + 2)?]));
        let body = data.get(i + 3..i + 1 + len)?; // `None` for a length under 2 too
        i += 1 + len;
        in_scan = false;
        match marker {
            // The frame header, once, before any scan (hierarchical JPEGs have several).
            0xC0..=0xCF if !matches!(marker, 0xC4 | 0xC8 | 0xCC) => {
                let components = usize::from(*body.get(5)?);
                let fits = (1..=4).contains(&components) && body.len() == 6 + 3 * components;
                if size.is_some() || !fits {
                    return None;
                }
                let read = |at: usize| u32::from(u16::from_be_bytes([body[at], body[at + 1]]));
                size = Some((read(3), read(1))); // stored as height, width
                push_segment(&mut out, marker, body);
            }
            // A scan header, after the frame header; its coded data follows.
            0xDA => {
                let components = usize::from(*body.first()?);
                let fits = (1..=4).contains(&components) && body.len() == 4 + 2 * components;
                if size.is_none() || !fits {
                    return None;
                }
                push_segment(&mut out, marker, body);
                (in_scan, scanned) = (true, true);
            }
            // Huffman, arithmetic-coding and quantisation tables; restart interval.
            0xC4 | 0xCC | 0xDB | 0xDD => push_segment(&mut out, marker, body),
            // JFIF: version and pixel density, without its optional thumbnail (a thumbnail
            // may show what the photo was cropped to hide).
            0xE0 if body.len() >= 14 && body.starts_with(b"JFIF\0") => {
                push_segment(&mut out, marker, &[&body[..12], &[0, 0]].concat())
            }
            // Adobe: says whether the colours are RGB, YCbCr or YCCK, without which CMYK
            // JPEGs show wrong colours. Fixed-size, no personal data.
            0xEE if body.len() >= 12 && body.starts_with(b"Adobe") => {
                push_segment(&mut out, marker, &body[..12])
            }
            // Every other APPn (EXIF, XMP, ICC, MPF, IPTC/Photoshop, ...) and comments.
            0xE0..=0xEF | 0xFE => {}
            // SOI again, DNL, DHP, EXP, JPGn, TEM, reserved or misplaced markers.
            _ => return None,
        }
    }
}

fn push_segment(out: &mut Vec<u8>, marker: u8, body: &[u8]) {
    out.extend_from_slice(&[0xFF, marker]);
    out.extend_from_slice(&(body.len() as u16 + 2).to_be_bytes()); // body came from a u16 length
    out.extend_from_slice(body);
}

/// Rewrites a PNG with only its `PNG_KEPT` chunks; `None` if it is damaged. img-parts checks
/// every chunk's CRC and stops at IEND, which drops anything after it.
fn clean_png(data: Vec<u8>) -> Option<(u32, u32, Vec<u8>)> {
    let mut png = Png::from_bytes(Bytes::from(data)).ok()?;
    let chunks = png.chunks();
    let count = |kind: &[u8; 4]| chunks.iter().filter(|chunk| chunk.kind() == *kind).count();
    let (first, ihdr) = (chunks.first()?.kind(), chunks.first()?.contents());
    // img-parts also stops, without an error, at the end of a file cut between two chunks.
    let ends = chunks.last()?.kind() == *b"IEND";
    if first != *b"IHDR" || count(b"IHDR") != 1 || ihdr.len() != 13 || !ends {
        return None;
    }
    let (depth, colour) = (ihdr[8], ihdr[9]);
    let depth_fits = match colour {
        0 => [1, 2, 4, 8, 16].contains(&depth),
        3 => [1, 2, 4, 8].contains(&depth),
        2 | 4 | 6 => [8, 16].contains(&depth),
        _ => false,
    };
    // Compression and filter method 0, interlace none or Adam7; a palette image has a palette.
    let methods_fit = ihdr[10] == 0 && ihdr[11] == 0 && ihdr[12] <= 1;
    if !depth_fits || !methods_fit || count(b"IDAT") == 0 || (colour == 3 && count(b"PLTE") == 0) {
        return None;
    }
    let width = u32::from_be_bytes([ihdr[0], ihdr[1], ihdr[2], ihdr[3]]);
    let height = u32::from_be_bytes([ihdr[4], ihdr[5], ihdr[6], ihdr[7]]);
    png.chunks_mut().retain(|c| PNG_KEPT.contains(&c.kind()));
    Some((width, height, png.encoder().bytes().to_vec()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use img_parts::png::PngChunk;
    use proptest::{collection::vec, prelude::*};

    const LIMITS: PhotoLimits = PhotoLimits {
        max_side: 8000,
        max_pixels: 40_000_000,
    };
    const JFIF: &[u8] = b"JFIF\0\x01\x01\x00\x00\x01\x00\x01\x00\x00";
    const ADOBE: &[u8] = b"Adobe\0\x64\0\0\0\0\x01";
    const EXIF: &[u8] = b"Exif\0\0MM\0*\0\0\0\x08GPSLatitude=51.500729;GPSLongitude=-0.124625";
    const XMP: &[u8] = b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>GPS</x:xmpmeta>";
    const NOTE: &[u8] = b"Flat 3, 12 Acacia Avenue";
    /// A genuine 1×1 red PNG's pixels: a stored zlib block of filter 0 and RGB, and its Adler-32.
    const IDAT: &[u8] = b"\x78\x01\x01\x04\x00\xFB\xFF\x00\xFF\x00\x00\x03\x01\x01\x00";
    const GAMA: (&[u8; 4], &[u8]) = (b"gAMA", b"\0\0\xB1\x8F");

    fn seg(marker: u8, body: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        push_segment(&mut out, marker, body);
        out
    }

    /// A baseline grey JPEG: `before` its tables, `scan` its coded data and what follows up to
    /// the EOI. At 8×8 with `scan` [0x3F] it is a genuine image that djpeg decodes: one block
    /// of mid-grey (DC difference "0", end of block "0", then padding 1s).
    fn jpeg(width: u16, height: u16, before: &[u8], scan: &[u8]) -> Vec<u8> {
        let [h, w] = [height.to_be_bytes(), width.to_be_bytes()];
        let huffman = |class| seg(0xC4, &[&[class, 1][..], &[0; 16]].concat()); // one code: 0
        let dqt = seg(0xDB, &[&[0][..], &[1; 64]].concat());
        let sof = seg(0xC0, &[8, h[0], h[1], w[0], w[1], 1, 1, 0x11, 0]);
        let sos = seg(0xDA, &[1, 1, 0x00, 0, 63, 0]);
        let tables = [dqt, huffman(0x00), huffman(0x10), sof, sos].concat();
        [&[0xFF, 0xD8][..], before, &tables, scan, &[0xFF, 0xD9]].concat()
    }

    fn plain_jpeg() -> Vec<u8> {
        jpeg(8, 8, &seg(0xE0, JFIF), &[0x3F])
    }

    /// A `width`×1 RGB PNG with these chunks after its IHDR, their CRCs computed by img-parts.
    fn png(width: u32, chunks: &[(&[u8; 4], &[u8])]) -> Vec<u8> {
        let ihdr = [&width.to_be_bytes()[..], &[0, 0, 0, 1, 8, 2, 0, 0, 0]].concat();
        let mut png = Png::from_bytes(Bytes::from_static(PNG_SIGNATURE)).unwrap();
        png.chunks_mut().push(PngChunk::new(*b"IHDR", ihdr.into()));
        for (kind, body) in chunks {
            let chunk = PngChunk::new(**kind, Bytes::copy_from_slice(body));
            png.chunks_mut().push(chunk);
        }
        png.encoder().bytes().to_vec()
    }

    fn plain_png(width: u32) -> Vec<u8> {
        png(width, &[GAMA, (b"IDAT", IDAT), (b"IEND", b"")])
    }

    /// `clean` on these bytes, with what it returns decoded.
    fn clean_bytes(bytes: &[u8]) -> Result<(ImageType, u32, u32, Vec<u8>), String> {
        let photo = clean(&STANDARD.encode(bytes), &LIMITS)?;
        let out = STANDARD.decode(&photo.base64).unwrap();
        Ok((photo.image_type, photo.width, photo.height, out))
    }

    fn cleaned(bytes: &[u8]) -> Vec<u8> {
        clean_bytes(bytes).unwrap().3
    }

    fn refusal(bytes: &[u8]) -> String {
        clean_bytes(bytes).unwrap_err()
    }

    fn assert_gone(out: &[u8], secrets: &[&str]) {
        for secret in secrets {
            let found = out.windows(secret.len()).any(|w| w == secret.as_bytes());
            assert!(!found, "{secret} is still there");
        }
    }

    #[test]
    fn jpeg_loses_exif_gps_xmp_icc_iptc_comments_and_thumbnail_but_not_its_image() {
        let thumbnail = [&JFIF[..12], b"\x01\x01RGB"].concat(); // JFIF with a 1×1 thumbnail
        let (icc, iptc) = (b"ICC_PROFILE\0\x01\x01appl", b"Photoshop 3.0\08BIM\x04\x04");
        let before = [seg(0xE0, &thumbnail), seg(0xE1, EXIF), seg(0xE1, XMP)].concat();
        let before = [before, seg(0xE2, icc), seg(0xED, iptc), seg(0xFE, NOTE)].concat();
        // Segments may also come between the scan and the end, where img-parts doesn't look.
        let scan = [&[0x3F][..], &seg(0xFE, NOTE), &seg(0xE1, EXIF)].concat();
        let (kind, width, height, out) = clean_bytes(&jpeg(8, 8, &before, &scan)).unwrap();
        assert_eq!((kind, width, height), (ImageType::Jpeg, 8, 8));
        assert_gone(
            &out,
            &["Exif", "GPS", "Acacia", "xmp", "ICC", "8BIM", "RGB"],
        );
        let frame = seg(0xC0, &[8, 0, 8, 0, 8, 1, 1, 0x11, 0]);
        let scan = [&seg(0xDA, &[1, 1, 0, 0, 63, 0])[..], &[0x3F, 0xFF, 0xD9]].concat();
        assert!(out.windows(frame.len()).any(|w| w == frame) && out.ends_with(&scan));
        assert_eq!(out, plain_jpeg());
    }

    #[test]
    fn png_loses_text_exif_time_and_icc_and_keeps_valid_chunks() {
        let text = [&b"Comment\0"[..], NOTE].concat();
        let time = b"\x07\xEA\x0C\x02\x0A\0\0";
        let mut chunks = vec![(b"tEXt", &text[..]), (b"iTXt", XMP), (b"eXIf", &EXIF[6..])];
        chunks.extend([(b"tIME", &time[..]), (b"iCCP", b"icc\0\0x"), GAMA]);
        chunks.extend([(b"IDAT", IDAT), (b"IEND", b"")]);
        let (kind, width, height, out) = clean_bytes(&png(1, &chunks)).unwrap();
        assert_eq!((kind, width, height), (ImageType::Png, 1, 1));
        assert_gone(
            &out,
            &["tEXt", "Acacia", "iTXt", "GPS", "eXIf", "tIME", "iCCP"],
        );
        // img-parts checks every CRC as it parses.
        let reparsed = Png::from_bytes(Bytes::from(out.clone())).expect("valid CRCs");
        let kinds: Vec<_> = reparsed.chunks().iter().map(|chunk| chunk.kind()).collect();
        assert_eq!(kinds, [*b"IHDR", *b"gAMA", *b"IDAT", *b"IEND"]);
        assert_eq!(out, plain_png(1));
    }

    #[test]
    fn clean_images_come_back_byte_for_byte_without_what_follows_their_end() {
        // Adobe APP14, a restart interval, coded data with an escaped 0xFF and a restart marker.
        let before = [seg(0xE0, JFIF), seg(0xEE, ADOBE), seg(0xDD, &[0, 1])].concat();
        let jpeg_bytes = jpeg(8, 8, &before, b"\x12\xFF\x00\x34\xFF\xD0\x56");
        let zip = b"PK\x03\x04\x14\0\0\0\0\0evil.html";
        let html = b"<html><script>alert(1)</script></html>";
        for image in [jpeg_bytes, plain_jpeg(), plain_png(1)] {
            for tail in [&b""[..], zip, html] {
                assert_eq!(cleaned(&[&image[..], tail].concat()), image);
            }
        }
    }

    #[test]
    fn what_is_not_a_jpeg_or_png_or_is_damaged_is_refused() {
        let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>"#;
        let gif = b"GIF89a\x01\0\x01\0\x80\0\0\xFF\xFF\xFF\0\0\0!\xF9\x04\x01\0\0\0\0,";
        let html = b"<!DOCTYPE html><body onload=alert(1)>photo.jpg";
        for bytes in [&svg[..], gif, html, b"%PDF-1.4", b"damp", &[0xFF, 0xD8]] {
            assert_eq!(refusal(bytes), NOT_AN_IMAGE);
        }
        assert_eq!(refusal(b""), "is empty");
        assert_eq!(clean("bm90!", &LIMITS), Err("is not valid base64".into()));
        // Every truncation of a valid image.
        let (jpeg_bytes, png_bytes) = (plain_jpeg(), plain_png(1));
        for (image, message) in [(&jpeg_bytes, BAD_JPEG), (&png_bytes, BAD_PNG)] {
            for n in 8..image.len() {
                assert_eq!(refusal(&image[..n]), message, "cut at {n}");
            }
        }
        // No scan; a second frame header after the scan; a bad CRC; no pixels (IDAT).
        let frame = seg(0xC0, &[8, 0, 8, 0, 8, 1, 1, 0x11, 0]);
        let two_frames = jpeg(8, 8, &[], &[&[0x3F][..], &frame].concat());
        let mut bad_crc = png_bytes.clone();
        bad_crc[29] ^= 1; // the IHDR's CRC
        for (bytes, message) in [
            (vec![0xFF, 0xD8, 0xFF, 0xD9], BAD_JPEG),
            (two_frames, BAD_JPEG),
            (bad_crc, BAD_PNG),
            (png(1, &[GAMA, (b"IEND", b"")]), BAD_PNG),
        ] {
            assert_eq!(refusal(&bytes), message);
        }
    }

    #[test]
    fn sizes_are_read_from_the_image_and_limited() {
        let sized = |width, height| jpeg(width, height, &[], &[0x3F]);
        let too_many = "has 49000000 pixels: the limit is 40000000";
        for (bytes, message) in [
            (sized(9000, 10), "is 9000 pixels wide: the limit is 8000"),
            (sized(10, 8001), "is 8001 pixels high: the limit is 8000"),
            (sized(7000, 7000), too_many),
            (sized(0, 8), "has a width or height of 0 pixels"),
            (plain_png(9000), "is 9000 pixels wide: the limit is 8000"),
            (plain_png(0), "has a width or height of 0 pixels"),
        ] {
            assert_eq!(refusal(&bytes), message);
        }
        let (_, width, height, _) = clean_bytes(&sized(8000, 5000)).unwrap();
        assert_eq!((width, height), (8000, 5000));
        assert_eq!(ImageType::Jpeg.extension(), "jpg");
        assert_eq!(ImageType::Png.extension(), "png");
    }

    /// `clean` doesn't panic, and what it accepts, cleaned again, doesn't change.
    fn accepted_is_stable(bytes: &[u8]) -> Result<(), TestCaseError> {
        if let Ok(photo) = clean(&STANDARD.encode(bytes), &LIMITS) {
            prop_assert_eq!(clean(&photo.base64, &LIMITS), Ok(photo));
        }
        Ok(())
    }

    proptest! {
        /// Any bytes, after a JPEG's or a PNG's magic number or none; and as base64 text.
        #[test]
        fn any_bytes(bytes in vec(any::<u8>(), 0..400), magic in 0..3usize) {
            let magic: &[u8] = [&b""[..], b"\xFF\xD8\xFF", PNG_SIGNATURE][magic];
            accepted_is_stable(&[magic, &bytes].concat())?;
            let _ = clean(&String::from_utf8_lossy(&bytes), &LIMITS);
        }

        /// A JPEG with metadata, a few of its bytes changed, sometimes cut short.
        #[test]
        fn mutated_jpegs(edits in vec((any::<usize>(), any::<u8>()), 1..5), cut in 0..3usize) {
            let before = [seg(0xE1, EXIF), seg(0xEE, ADOBE), seg(0xFE, NOTE)].concat();
            let scan = [&b"\x12\xFF\x00\x34\xFF\xD0\x56"[..], &seg(0xFE, b"x")].concat();
            let mut image = jpeg(8, 8, &before, &scan);
            for (at, byte) in edits {
                let at = at % image.len();
                image[at] = byte;
            }
            image.truncate(image.len() - cut);
            accepted_is_stable(&image)?;
        }

        /// PNGs of random chunks with valid CRCs, to reach the checks after the CRCs.
        #[test]
        fn random_pngs(chunks in vec((0..8usize, vec(any::<u8>(), 0..16)), 0..6)) {
            let kinds = [b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tEXt", b"eXIf", b"tRNS", b"abCD"];
            let mut chunks: Vec<_> = chunks.iter().map(|(k, b)| (kinds[*k], &b[..])).collect();
            chunks.extend([(b"IDAT", IDAT), (b"IEND", &b""[..])]);
            accepted_is_stable(&png(1, &chunks))?;
        }
    }
}
