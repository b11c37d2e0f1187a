// Public API of src/estimators: re-export each public function from its own file.
export {};
