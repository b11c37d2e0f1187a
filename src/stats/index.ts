// Public API of src/stats: re-export each public function from its own file.
export {};
