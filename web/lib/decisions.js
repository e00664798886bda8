// The core's decisions, from the mildest to the most severe (docs/orders.md). Views that list the most
// severe first use BY_SEVERITY.
export const DECISIONS = ['clear', 'review', 'license_required', 'blocked'];
export const BY_SEVERITY = [...DECISIONS].reverse();
// 0 (clear) .. 3 (blocked); -1 for anything else (an error row).
export const decisionRank = (decision) => DECISIONS.indexOf(decision);
export const isDecision = (value) => DECISIONS.includes(value);
