// Placeholder: generated from the scenario spec.
export function scenarioJsonSchema(): object {
  return {};
}
