// Public API of src/verify: re-export each public function from its own file.
export {};
