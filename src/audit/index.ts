// Public API of src/audit: re-export each public function from its own file.
export {};
