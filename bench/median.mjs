/** The middle of `values` (the upper middle of an even count): how every benchmark here sums up its runs. */
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
