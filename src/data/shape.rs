//! Where each data type has an object, so that the loader can refuse a JSON array there.
//!
//! serde's derived types also read a struct from an array (its fields by position), so
//! `"name": ["a", "b"]` would become `{zh: "a", en: "b"}`. The loader used to find such places by
//! writing the typed value back (`Serialize`) and comparing; this table says the same thing with
//! a few bytes of static data instead of a serializer per type (issue #15).

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

/// Whether `value` has an array where `shape` has an object; if so, `path` (the path of `value`
/// on entry) is extended to the first such place.
pub fn first_array_for_object(value: &Value, shape: Shape, path: &mut String) -> bool {
    match (shape, value) {
        (Shape::Object(_), Value::Array(_)) => true,
        (Shape::Object(fields), Value::Object(map)) => {
            // In the map's key order, as the Serialize round trip that this replaces compared.
            for (key, child) in map {
                let Some(&(_, field)) = fields.iter().find(|(name, _)| name == key) else {
                    continue;
                };
                let len = path.len();
                path.push('.');
                path.push_str(key);
                if first_array_for_object(child, field, path) {
                    return true;
                }
                path.truncate(len);
            }
            false
        }
        (Shape::List(item), Value::Array(items)) => {
            for (i, child) in items.iter().enumerate() {
                let len = path.len();
                path.push('[');
                path.push_str(&i.to_string());
                path.push(']');
                if first_array_for_object(child, *item, path) {
                    return true;
                }
                path.truncate(len);
            }
            false
        }
        _ => false,
    }
}
