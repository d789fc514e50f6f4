//! Where each data type has an object, so that the loader can refuse a JSON array there.
//!
//! serde's derived types also read a struct from an array (its fields by position), so
//! `"name": ["a", "b"]` would become `{zh: "a", en: "b"}`. The loader used to find such places by
//! writing the typed value back (`Serialize`) and comparing; this table says the same thing with
//! a few bytes of static data instead of a serializer per type (issue #15).

use std::fmt;

use serde::de::{
    DeserializeSeed, Deserializer, Error as _, IgnoredAny, MapAccess, SeqAccess, Visitor,
};
use serde_json::Value;

/// The objects of a type: which fields hold objects or lists of objects. Fields not listed are
/// scalars (or raw JSON) and are not checked.
#[derive(Clone, Copy, Debug)]
pub enum Shape {
    /// Anything (scalars, raw JSON).
    Any,
    /// An object whose listed fields have these shapes.
    Object(&'static [(&'static str, Shape)]),
    /// An array whose items have this shape.
    List(&'static Shape),
}

/// A type the loader can read: its [`Shape`].
pub trait HasShape {
    /// Where the type has objects.
    const SHAPE: Shape;
}

impl HasShape for Value {
    const SHAPE: Shape = Shape::Any;
}

/// The path of the first array where `shape` has an object in the JSON `text` (`$.areas[0].name`),
/// in the order of the text; `None` when there is none, or when `text` is not JSON.
///
/// Walks the text with serde_json's reader and keeps nothing: an earlier version read the whole
/// file once more into a `serde_json::Value`, whose map and deserializer cost about 3 KB of
/// brotli in the Wasm (issue #15).
pub fn first_array_for_object(text: &str, shape: Shape) -> Option<String> {
    let mut path = "$".to_owned();
    let mut found = false;
    let walk = Walk {
        shape,
        path: &mut path,
        found: &mut found,
    };
    // A found array ends the walk with an error; any other error is not this check's to report.
    let _ = walk.deserialize(&mut serde_json::Deserializer::from_str(text));
    found.then_some(path)
}

/// One value of the walk: its expected shape, and the path so far (`path` is the value's path
/// while the walk is inside it, and stays at the array when one is found).
struct Walk<'p> {
    shape: Shape,
    path: &'p mut String,
    found: &'p mut bool,
}

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let item = match self.shape {
            Shape::Object(_) => {
                *self.found = true;
                return Err(A::Error::custom("array where an object belongs"));
            }
            Shape::List(item) => *item,
            Shape::Any => {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                return Ok(());
            }
        };
        let mut i = 0usize;
        loop {
            let len = self.path.len();
            self.path.push('[');
            self.path.push_str(&i.to_string());
            self.path.push(']');
            let walk = Walk {
                shape: item,
                path: &mut *self.path,
                found: &mut *self.found,
            };
            if seq.next_element_seed(walk)?.is_none() {
                self.path.truncate(len);
                return Ok(());
            }
            self.path.truncate(len);
            i += 1;
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let fields = match self.shape {
            Shape::Object(fields) => fields,
            _ => &[],
        };
        while let Some(key) = map.next_key::<String>()? {
            let Some(&(_, field)) = fields.iter().find(|(name, _)| *name == key) else {
                map.next_value::<IgnoredAny>()?;
                continue;
            };
            let len = self.path.len();
            self.path.push('.');
            self.path.push_str(&key);
            map.next_value_seed(Walk {
                shape: field,
                path: &mut *self.path,
                found: &mut *self.found,
            })?;
            self.path.truncate(len);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAME: Shape = Shape::Object(&[("zh", Shape::Any), ("en", Shape::Any)]);
    const AREA: Shape = Shape::Object(&[("name", NAME), ("tags", Shape::Any)]);
    const INDEX: Shape = Shape::Object(&[("areas", Shape::List(&AREA))]);

    #[test]
    fn finds_the_first_array_in_place_of_an_object_with_its_path() {
        let text = r#"{"areas":[{"name":{"zh":"a","en":"a"}},{"tags":[1],"name":["b","b"]}]}"#;
        assert_eq!(
            first_array_for_object(text, INDEX).as_deref(),
            Some("$.areas[1].name")
        );
        assert_eq!(first_array_for_object("[]", INDEX).as_deref(), Some("$"));
    }

    #[test]
    fn arrays_where_the_shape_allows_them_and_broken_text_pass() {
        let text =
            r#"{"other":[[{}]],"areas":[{"tags":[[1],{"x":[]}],"name":{"zh":[1],"en":null}}]}"#;
        assert_eq!(first_array_for_object(text, INDEX), None);
        assert_eq!(first_array_for_object(r#"{"areas":[{"name":"#, INDEX), None);
        assert_eq!(first_array_for_object(r#"{"areas":[]}"#, INDEX), None);
    }
}
