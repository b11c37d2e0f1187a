// Public API of src/objective: re-export each public function from its own file.
export {};
