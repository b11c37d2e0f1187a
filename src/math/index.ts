// Public API of src/math: re-export each public function from its own file.
export {};
