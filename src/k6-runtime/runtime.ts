// Placeholder: the k6 runtime that interprets a compiled plan.
export default function (): void {}
