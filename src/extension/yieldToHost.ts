/** Gives the extension host its turn: the driver's yieldToHost for every piece of work the editor runs in steps (see runSteps). */
export const yieldToHost = () => new Promise<void>((r) => setImmediate(r));
