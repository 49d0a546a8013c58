//! `fleetdash schema`: the JSON Schema of the status-file format, for editors.
//!
//! The schema is generated from the serde types the loader reads ([`crate::status::raw`]),
//! so that it cannot drift from them: a field added there appears here. The types with a
//! hand-written `Deserialize` (quantities, dates, years, the plan, attributes) get their
//! hand-written `JsonSchema` below, saying in JSON Schema what their visitor accepts.
//!
//! It is written as JSON Schema draft 7, the draft that editors' YAML language servers
//! support; `additionalProperties: false` stands for `deny_unknown_fields`. Checks that
//! need the whole status set (references, duplicates, totals) are the loader's alone.

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use crate::domain::balance::MAX_LEAD_DAYS;
use crate::status::raw::{
    Attributes, Day, LeadDays, MAX_QUANTITY, Quantity, RawFile, RawPlan, SUPPORTED_VERSION, Text,
    Year,
};

/// The pattern of a date: `YYYY-MM-DD`.
pub const DATE_PATTERN: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

/// The pattern of a plan's year keys: the years 1900 to 2200, as the loader takes them.
pub const YEAR_KEY_PATTERN: &str = "^(19[0-9]{2}|2[01][0-9]{2}|2200)$";

/// The schema of one status file, as a JSON value.
pub fn status_file_schema() -> serde_json::Value {
    let mut schema = SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<RawFile>();
    schema.insert("title".into(), "fleetdash status file".into());
    let mut value = schema.to_value();
    // An empty file (null to a YAML reader) loads with a warning.
    value["type"] = serde_json::json!(["object", "null"]);
    // The loader reads one version, and warns of none: the schema says the same.
    value["properties"]["version"] = serde_json::json!({
        "description": "The format version: write `version: 1` at the top of every file.",
        "enum": [SUPPORTED_VERSION, null],
    });
    value
}

/// The schema as pretty JSON with a final newline, as `fleetdash schema` prints it.
pub fn status_file_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&status_file_schema())
        .unwrap_or_else(|e| unreachable!("a JSON value always serializes: {e}"));
    text.push('\n');
    text
}

impl JsonSchema for Text {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        // Any scalar is read as the text written; YAML readers that make a number, a
        // yes/no or a null of it are warned about by the loader (quote it).
        json_schema!({
            "type": ["string", "number", "boolean", "null"],
        })
    }
}

impl JsonSchema for Quantity {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Quantity".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A whole number of vehicles.",
            "type": "integer",
            "minimum": 0,
            "maximum": MAX_QUANTITY,
        })
    }
}

impl JsonSchema for LeadDays {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "LeadDays".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let days = serde_json::json!({
            "type": "integer",
            "minimum": 0,
            "maximum": MAX_LEAD_DAYS,
        });
        json_schema!({
            "description": "Planned days from entering the stage to hand-over: one number for \
                every family the stage applies to, or days per family (`{Griffon: 55, Jaguar: 90}`).",
            "oneOf": [
                days,
                { "type": "object", "additionalProperties": days, "minProperties": 1 },
            ],
        })
    }
}

impl JsonSchema for Day {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Day".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A date written YYYY-MM-DD.",
            "type": "string",
            "pattern": DATE_PATTERN,
            "format": "date",
        })
    }
}

impl JsonSchema for Year {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Year".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A year such as 2025.",
            "type": "integer",
            "minimum": 1900,
            "maximum": 2200,
        })
    }
}

impl JsonSchema for Attributes {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Attributes".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "object",
            "additionalProperties": { "type": ["string", "number", "boolean", "null"] },
        })
    }
}

impl JsonSchema for RawPlan {
    fn schema_name() -> Cow<'static, str> {
        "Plan".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let quantity = generator.subschema_for::<Quantity>();
        json_schema!({
            "description": "Deliveries planned per year, per variant, e.g. `2026: { grf-tt: 40, jag: 6 }`.",
            "type": "object",
            "patternProperties": {
                YEAR_KEY_PATTERN: {
                    "description": "The variants' `id`s with the vehicles planned that year.",
                    "type": ["object", "null"],
                    "additionalProperties": quantity,
                },
            },
            "additionalProperties": false,
        })
    }
}
