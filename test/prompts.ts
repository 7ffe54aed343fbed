/** Driving a command's questions on a terminal from a test. */
import assert from "node:assert/strict";
import { PassThrough } from "node:stream";

/** Strip the terminal's colour and cursor codes from what the prompts wrote. */
export const plain = (text: string): string => text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "");

/**
 * Answer the questions of a command (`new`) through its prompt streams: each answer is
 * typed once its question shows (typed earlier, the question before it would
 * take it).
 */
export async function answerPrompts(
  command: (args: string[], terminal: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream }) => Promise<number>,
  args: string[],
  script: [question: RegExp, keys: string][],
): Promise<{ code: number; shown: string }> {
  const input = new PassThrough();
  const output = new PassThrough();
  let shown = "";
  let sinceAnswer = "";
  output.on("data", (chunk: Buffer) => {
    shown += chunk.toString();
    sinceAnswer += chunk.toString();
    const next = script[0];
    if (next && next[0].test(plain(sinceAnswer))) {
      script.shift();
      sinceAnswer = "";
      setImmediate(() => input.write(next[1]));
    }
  });
  // Streams alone keep no test alive: a question that never comes ends the test with what was shown.
  let stuck: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    stuck = setTimeout(() => reject(new Error(`no question matched ${script[0]?.[0]}; shown:\n${plain(shown)}`)), 20_000);
  });
  const code = await Promise.race([command(args, { input, output }), timedOut]).finally(() => clearTimeout(stuck));
  assert.deepEqual(script, [], "every scripted question was asked");
  return { code, shown: plain(shown) };
}

