/** The only way the server reads the time; tests pass a fake one. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

export type FakeClock = Clock & { set(to: Date | string): void; advance(ms: number): void };

export const createFakeClock = (start: Date | string): FakeClock => {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (to) => {
      current = new Date(to);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
};
