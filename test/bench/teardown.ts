/** Resources to release at the end, in reverse order of acquisition; every step runs even if an earlier one fails. */
export class Teardown {
  private readonly steps: { readonly what: string; readonly run: () => Promise<void> | void }[] = [];

  add(what: string, run: () => Promise<void> | void): void {
    this.steps.push({ what, run });
  }

  /** Runs every step once (latest first); returns the failures. */
  async run(): Promise<Error[]> {
    const failures: Error[] = [];
    for (let step = this.steps.pop(); step; step = this.steps.pop()) {
      try {
        await step.run();
      } catch (error) {
        failures.push(
          new Error(`teardown of ${step.what} failed: ${error instanceof Error ? error.message : String(error)}`),
        );
      }
    }
    return failures;
  }
}
