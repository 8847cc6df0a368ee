//! A landlord's brand for an embedded app: header colours, logo, font stack and corner radius.
//! A brand is checked before use, so that it can never make the app harder to read: a colour
//! pair under WCAG AA contrast is refused and the app keeps its own, with a warning for the web
//! team.

use std::fmt;
use std::str::FromStr;

/// WCAG 2.x level AA for normal text (1.4.3).
pub const AA_CONTRAST: f64 = 4.5;

/// An sRGB colour written `#rgb` or `#rrggbb`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Colour {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

pub const BLACK: Colour = Colour { r: 0, g: 0, b: 0 };
pub const WHITE: Colour = Colour { r: 0xff, g: 0xff, b: 0xff };

impl FromStr for Colour {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let refuse = || format!("\u{201c}{text}\u{201d} is not a colour: write it as #rrggbb");
        let hex = text.trim().strip_prefix('#').ok_or_else(refuse)?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(refuse());
        }
        let digit = |i: usize, width: usize| {
            let value = u8::from_str_radix(&hex[i..i + width], 16).unwrap_or(0);
            // #abc is #aabbcc.
            if width == 1 { value * 17 } else { value }
        };
        match hex.len() {
            3 => Ok(Colour { r: digit(0, 1), g: digit(1, 1), b: digit(2, 1) }),
            6 => Ok(Colour { r: digit(0, 2), g: digit(2, 2), b: digit(4, 2) }),
            _ => Err(refuse()),
        }
    }
}

impl fmt::Display for Colour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

impl Colour {
    /// Relative luminance, as WCAG defines it.
    fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.r) + 0.7152 * channel(self.g) + 0.0722 * channel(self.b)
    }
}

/// The WCAG contrast ratio of two colours, from 1 to 21.
pub fn contrast_ratio(a: Colour, b: Colour) -> f64 {
    let (a, b) = (a.luminance(), b.luminance());
    let (light, dark) = if a > b { (a, b) } else { (b, a) };
    (light + 0.05) / (dark + 0.05)
}

/// What the app uses of a brand: each part is `None` where the app keeps its own look.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Brand {
    /// The header's background and text.
    pub colours: Option<(Colour, Colour)>,
    /// The landlord's logo (an image on the app's origin, for a strict CSP).
    pub logo: Option<String>,
    pub font: Option<String>,
    /// Corner radius of buttons, inputs and panels, in CSS pixels.
    pub radius: Option<u8>,
}

/// The largest corner radius: more would clip the text of small inputs.
pub const MAX_RADIUS: u8 = 16;

impl Brand {
    /// Reads a brand from the embedding settings (`brand`, `brand-text`, `logo`, `font`,
    /// `radius`), with a warning for each setting it could not use.
    pub fn from_settings(setting: impl Fn(&str) -> Option<String>) -> (Brand, Vec<String>) {
        let mut warnings = Vec::new();
        let mut colour = |name: &str| match setting(name).map(|text| text.parse::<Colour>()) {
            Some(Ok(colour)) => Some(colour),
            Some(Err(problem)) => {
                warnings.push(format!("{name}: {problem}"));
                None
            }
            None => None,
        };
        let background = colour("brand");
        let text = colour("brand-text");
        let colours = match (background, text) {
            (Some(background), Some(text)) => {
                let ratio = contrast_ratio(background, text);
                if ratio >= AA_CONTRAST {
                    Some((background, text))
                } else {
                    // Hundredths by hand: float formatting would add kilobytes to the wasm.
                    let hundredths = (ratio * 100.0).round() as u32;
                    warnings.push(format!(
                        "brand: {text} on {background} has a contrast ratio of {}.{:02}:1, under \
                         the 4.5:1 that WCAG AA requires; using the app's own colours",
                        hundredths / 100,
                        hundredths % 100
                    ));
                    None
                }
            }
            // Without a text colour, black or white, whichever reads best: one of them always
            // passes AA (at worst 4.58:1).
            (Some(background), None) => {
                let text = if contrast_ratio(background, WHITE) >= contrast_ratio(background, BLACK)
                {
                    WHITE
                } else {
                    BLACK
                };
                Some((background, text))
            }
            (None, Some(_)) => {
                warnings.push("brand-text: given without brand, so it is not used".into());
                None
            }
            (None, None) => None,
        };

        let logo = setting("logo").filter(|url| {
            // Only web addresses: a `javascript:` or `data:` logo is a sign of a tampered page.
            let scheme = url.split_once(':').map(|(scheme, _)| scheme.to_ascii_lowercase());
            let allowed = matches!(scheme.as_deref(), None | Some("https" | "http"));
            if !allowed {
                warnings.push(format!("logo: {url} is not a web address"));
            }
            allowed
        });

        // A font stack is a list of names: anything that could end the declaration is refused.
        let font = setting("font").filter(|font| {
            let allowed = !font.trim().is_empty() && !font.contains([';', '{', '}', '<', '>', '\\']);
            if !allowed {
                warnings.push(format!("font: \u{201c}{font}\u{201d} is not a list of font names"));
            }
            allowed
        });

        let radius = setting("radius").and_then(|text| {
            match text.trim().trim_end_matches("px").parse::<u8>() {
                Ok(radius) if radius <= MAX_RADIUS => Some(radius),
                _ => {
                    warnings.push(format!(
                        "radius: \u{201c}{text}\u{201d} is not a number of pixels from 0 to {MAX_RADIUS}"
                    ));
                    None
                }
            }
        });

        (Brand { colours, logo, font, radius }, warnings)
    }

    /// The CSS custom properties that apply the brand (see `style/main.css`).
    pub fn css_properties(&self) -> Vec<(&'static str, String)> {
        let mut properties = Vec::new();
        if let Some((background, text)) = self.colours {
            properties.push(("--brand-colour", background.to_string()));
            properties.push(("--header-text-colour", text.to_string()));
        }
        if let Some(font) = &self.font {
            properties.push(("--font-family", font.clone()));
        }
        if let Some(radius) = self.radius {
            properties.push(("--radius", format!("{radius}px")));
        }
        properties
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    fn brand(settings: &[(&str, &str)]) -> (Brand, Vec<String>) {
        let settings: HashMap<String, String> = settings
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Brand::from_settings(|name| settings.get(name).cloned())
    }

    fn colour(text: &str) -> Colour {
        text.parse().unwrap()
    }

    #[test]
    fn colours_are_read_in_both_lengths() {
        assert_eq!(colour("#1d70b8"), Colour { r: 0x1d, g: 0x70, b: 0xb8 });
        assert_eq!(colour("#FFF"), WHITE);
        assert_eq!(colour("#1D70B8").to_string(), "#1d70b8");
        for bad in ["1d70b8", "#1d70b", "#ggg", "blue", "#", "", "#1d70b8ff", "#é12"] {
            assert!(bad.parse::<Colour>().is_err(), "{bad}");
        }
    }

    #[test]
    fn contrast_matches_the_wcag_reference_values() {
        assert!((contrast_ratio(WHITE, BLACK) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio(WHITE, WHITE) - 1.0).abs() < 1e-9);
        // #767676 is the lightest grey that passes AA on white (4.54:1).
        assert!((contrast_ratio(colour("#767676"), WHITE) - 4.54).abs() < 0.01);
        assert!(contrast_ratio(colour("#777777"), WHITE) < AA_CONTRAST);
        // GOV.UK blue with white text: 5.17:1.
        assert!((contrast_ratio(colour("#1d70b8"), WHITE) - 5.17).abs() < 0.01);
    }

    #[test]
    fn a_readable_pair_is_used() {
        let (brand, warnings) = brand(&[("brand", "#4c2c92"), ("brand-text", "#ffffff")]);
        assert_eq!(warnings, Vec::<String>::new());
        assert_eq!(brand.colours, Some((colour("#4c2c92"), WHITE)));
        assert_eq!(
            brand.css_properties(),
            vec![
                ("--brand-colour", "#4c2c92".to_string()),
                ("--header-text-colour", "#ffffff".to_string()),
            ]
        );
    }

    #[test]
    fn a_pair_under_aa_is_refused_with_the_ratio() {
        let (brand, warnings) = brand(&[("brand", "#ffdd00"), ("brand-text", "#ffffff")]);
        assert_eq!(brand.colours, None);
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("1.35:1"), "{}", warnings[0]);
        assert!(brand.css_properties().is_empty());
    }

    #[test]
    fn without_a_text_colour_the_readable_one_is_chosen() {
        assert_eq!(brand(&[("brand", "#ffdd00")]).0.colours, Some((colour("#ffdd00"), BLACK)));
        assert_eq!(brand(&[("brand", "#003078")]).0.colours, Some((colour("#003078"), WHITE)));
    }

    #[test]
    fn settings_that_cannot_be_used_are_named() {
        let (brand, warnings) = brand(&[
            ("brand", "navy"),
            ("logo", "javascript:alert(1)"),
            ("font", "Arial; background: red"),
            ("radius", "50"),
        ]);
        assert_eq!(brand, Brand::default());
        let named: Vec<&str> = warnings
            .iter()
            .map(|w| w.split(':').next().unwrap())
            .collect();
        assert_eq!(named, ["brand", "logo", "font", "radius"]);
    }

    #[test]
    fn logo_font_and_radius_are_carried() {
        let (brand, warnings) = brand(&[
            ("logo", "/brand/logo.svg"),
            ("font", "\"Open Sans\", Arial, sans-serif"),
            ("radius", "6px"),
        ]);
        assert!(warnings.is_empty());
        assert_eq!(brand.logo.as_deref(), Some("/brand/logo.svg"));
        assert_eq!(
            brand.css_properties(),
            vec![
                ("--font-family", "\"Open Sans\", Arial, sans-serif".to_string()),
                ("--radius", "6px".to_string()),
            ]
        );
    }

    proptest! {
        /// Whatever colours a web team gives, the header the app shows passes AA.
        #[test]
        fn a_used_pair_always_passes_aa(bg in any::<(u8, u8, u8)>(), fg in proptest::option::of(any::<(u8, u8, u8)>())) {
            let hex = |(r, g, b): (u8, u8, u8)| Colour { r, g, b }.to_string();
            let mut settings = vec![("brand".to_string(), hex(bg))];
            if let Some(fg) = fg {
                settings.push(("brand-text".to_string(), hex(fg)));
            }
            let (brand, _) = Brand::from_settings(|name| {
                settings.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
            });
            if let Some((background, text)) = brand.colours {
                prop_assert!(contrast_ratio(background, text) >= AA_CONTRAST);
            } else {
                prop_assert!(fg.is_some());
            }
        }
    }
}
