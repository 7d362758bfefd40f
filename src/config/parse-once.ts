/**
 * Parse options for a schema that parses a handful of values per run (the config file, each environment's
 * settings, a rule's parameters, a bundled table). zod 4 compiles a fast path for every object schema the
 * first time it parses, with `new Function`; for a value parsed once that compile costs more than it saves
 * (about 20 ms of a one-file verify's start; BENCHMARKS.md, "CLI start").
 */
export const PARSE_ONCE = { jitless: true } as const;
