/** Node fires a longer timeout at once: a term of months at real-time speed (`--seconds-per-day 86400`) needs more. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export interface Timer {
  cancel(): void;
}

/** `setTimeout` for any delay, in steps Node accepts. */
export function after(ms: number, run: () => void): Timer {
  let timer: NodeJS.Timeout;
  const arm = (left: number) => {
    timer = setTimeout(
      () => (left > MAX_TIMEOUT_MS ? arm(left - MAX_TIMEOUT_MS) : run()),
      Math.min(left, MAX_TIMEOUT_MS),
    );
  };
  arm(Math.max(0, ms));
  return { cancel: () => clearTimeout(timer) };
}
