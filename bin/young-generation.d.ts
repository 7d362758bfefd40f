export declare const SEMI_SPACE_MB: number;
export declare const LARGE_INPUT_BYTES: number;
export declare const NO_RELAUNCH: string;
export declare function youngGenerationFlags(
  argv: readonly string[],
  opts?: {
    nodeVersion?: string;
    env?: Record<string, string | undefined>;
    execArgv?: readonly string[];
    cwd?: string;
    stat?: (path: string) => { isDirectory(): boolean; isFile(): boolean; size: number } | undefined;
  },
): string[];
