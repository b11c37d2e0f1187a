// Public API of src/schemes: re-export each public function from its own file.
export {};
