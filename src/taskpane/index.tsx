// Task pane entry: filled in by the task pane issue.
export {};
