// Package settings is the provider's table-driven engine for API documents.
//
// A resource whose API document has many settings describes each one once,
// as a [Setting] in a [Table]: its Terraform attribute, its path in the JSON
// document, its kind, its description and validators. From that one table
// the engine builds
//
//   - the resource's and the data source's schema attributes
//     ([Table.ResourceAttributes], [Table.DataSourceAttributes]);
//   - the Terraform values of a document the API answered ([Table.Over]),
//     where a field the answer leaves out keeps the value already known;
//   - the JSON of a request body from planned values ([Table.Body]), one
//     top-level field (a [Setting.Group]) at a time, sent whole.
//
// So an attribute is added in one place, and the schema, the reading of
// answers and the writing of requests cannot disagree about it. The package
// knows nothing of HTTP or of any one document: the resources give it their
// table and the document's fields.
package settings
