// Public API of src/policies: re-export each public function from its own file.
export {};
