//! Social evaluation (社会评议): questionnaires, import of survey exports, screening, and the
//! satisfaction statistics that survey-derived indicators read.
