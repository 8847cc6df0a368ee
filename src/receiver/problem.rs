//! The contract's error answer: `{"errors": [{"field", "message"}]}`, where `field` is a JSON
//! pointer into the request body (RFC 6901), or `""` for the whole request.

use axum::http::header::RETRY_AFTER;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

pub struct Problem {
    status: StatusCode,
    errors: Vec<(String, String)>,
    retry_after: Option<u64>,
}

impl Problem {
    /// One error about the whole request.
    pub fn new(status: StatusCode, message: impl Into<String>) -> Problem {
        Problem::at(status, "", message)
    }

    /// One error at a field.
    pub fn at(status: StatusCode, field: &str, message: impl Into<String>) -> Problem {
        Problem {
            status,
            errors: vec![(field.to_string(), message.into())],
            retry_after: None,
        }
    }

    /// A `422` listing every problem found, each at its field.
    pub fn unprocessable(errors: impl IntoIterator<Item = (String, String)>) -> Problem {
        Problem {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            errors: errors.into_iter().collect(),
            retry_after: None,
        }
    }

    /// Tells the client when to try again.
    pub fn retry_after(mut self, seconds: u64) -> Problem {
        self.retry_after = Some(seconds);
        self
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let errors: Vec<_> = self
            .errors
            .iter()
            .map(|(field, message)| json!({ "field": field, "message": message }))
            .collect();
        let mut response = (self.status, Json(json!({ "errors": errors }))).into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}
