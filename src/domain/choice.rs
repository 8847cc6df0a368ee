//! Enums with a fixed set of values, each with a stable kebab-case id: the choices a resident
//! makes (stored in the draft and sent in the contract), and the app's own lists (pages,
//! milestones, regions). `choice!` declares one with its `ALL` table and ids in one place.

/// An enum whose every value has a stable id: pages offer every value and store the id.
use serde::Deserialize;

pub trait Choice: Sized + Copy + PartialEq + 'static {
    const ALL: &'static [Self];
    /// The ids, in the order of `ALL`.
    const IDS: &'static [&'static str];
    fn id(self) -> &'static str;
    fn from_id(id: &str) -> Option<Self>;
}

/// Declares an enum with its ids, its `ALL` table and its `Choice` impl. With `serde` first,
/// it also (de)serialises as its ids. A choice the resident makes names its words after the
/// id, `=> label` or `=> label + hint`, from `src/locales/<language>/labels.toml`: it then
/// has a `Label` impl too.
macro_rules! choice {
    (serde $(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $id:literal $(=> $label:ident $(+ $hint:ident)?)?),+ $(,)? }) => {
        $crate::domain::choice::choice!(
            $(#[$meta])*
            $name { $($(#[$vmeta])* $variant = $id $(=> $label $(+ $hint)?)?),+ }
        );
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, to: S) -> Result<S::Ok, S::Error> {
                to.serialize_str(self.id())
            }
        }
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(from: D) -> Result<Self, D::Error> {
                $crate::domain::choice::deserialize(from)
            }
        }
    };
    (@labels $name:ident { $($variant:ident),+ }) => {};
    (@labels $name:ident { $($variant:ident => $label:ident $(+ $hint:ident)?),+ }) => {
        impl $crate::domain::words::Label for $name {
            fn label_text(self) -> $crate::domain::words::Words {
                match self {
                    $($name::$variant => $crate::domain::translations::labels::$label),+
                }
            }
            fn hint_text(self) -> Option<$crate::domain::words::Words> {
                match self {
                    $($name::$variant => None $(.or(Some(
                        $crate::domain::translations::labels::$hint as $crate::domain::words::Words
                    )))?),+
                }
            }
        }
    };
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $id:literal $(=> $label:ident $(+ $hint:ident)?)?),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }
        impl $name {
            /// Every value, in order.
            pub const ALL: [Self; [$($id),+].len()] = [$($name::$variant),+];

            /// Its stable id.
            pub fn id(self) -> &'static str {
                match self { $($name::$variant => $id),+ }
            }

            pub fn from_id(id: &str) -> Option<Self> {
                Self::ALL.into_iter().find(|value| value.id() == id)
            }
        }
        impl $crate::domain::choice::Choice for $name {
            const ALL: &'static [Self] = &$name::ALL;
            const IDS: &'static [&'static str] = &[$($id),+];
            fn id(self) -> &'static str {
                $name::id(self)
            }
            fn from_id(id: &str) -> Option<Self> {
                $name::from_id(id)
            }
        }
        $crate::domain::choice::choice!(@labels $name { $($variant $(=> $label $(+ $hint)?)?),+ });
    };
}
pub(crate) use choice;

/// A choice read by its id, as serde's derived code would (with its words for an unknown id),
/// but by one small function for every choice rather than a kilobyte of code for each, in
/// every wasm that reads a profile or a draft.
pub fn deserialize<'de, C: Choice, D: serde::Deserializer<'de>>(from: D) -> Result<C, D::Error> {
    let id = String::deserialize(from)?;
    C::from_id(&id).ok_or_else(|| serde::de::Error::unknown_variant(&id, C::IDS))
}

#[cfg(test)]
mod tests {
    choice!(serde Sample { One = "one", Two = "two-words" });

    #[test]
    fn ids_round_trip_and_match_serde_names() {
        for value in Sample::ALL {
            assert_eq!(Sample::from_id(value.id()), Some(value));
            assert_eq!(serde_json::to_value(value).unwrap(), value.id());
        }
        assert_eq!(Sample::from_id("three"), None);
    }

    #[test]
    fn read_from_json_by_id_with_serdes_words_for_anything_else() {
        assert_eq!(serde_json::from_str::<Sample>("\"two-words\"").unwrap(), Sample::Two);
        let unknown = serde_json::from_str::<Sample>("\"three\"").unwrap_err().to_string();
        assert!(unknown.starts_with("unknown variant `three`, expected `one` or `two-words`"), "{unknown}");
        let number = serde_json::from_str::<Sample>("1").unwrap_err().to_string();
        assert!(number.starts_with("invalid type: integer `1`, expected a string"), "{number}");
    }
}
