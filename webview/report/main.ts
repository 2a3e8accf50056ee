// Placeholder until the report page is written.
export {};
