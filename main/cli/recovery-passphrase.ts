/**
 * Where the CLI gets the recovery passphrase to open an encrypted backup: a file
 * (`--passphrase-file`, e.g. on a second USB stick), the ISTIQBAL_RECOVERY_PASSPHRASE variable,
 * or, at a terminal, a prompt that does not echo what is typed. Never an argument: arguments are
 * visible to every user of the machine in the process list.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

export async function recoveryPassphrase(passphraseFile: string | undefined): Promise<string | null> {
  if (passphraseFile) return readFileSync(passphraseFile, 'utf8').replace(/\r?\n$/, '');
  const fromEnv = process.env.ISTIQBAL_RECOVERY_PASSPHRASE;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) return null;
  return promptHidden('العبارة السرية للاسترداد / Recovery passphrase: ');
}

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    let asked = false;
    output._writeToOutput = (s: string) => {
      // Show the question once; swallow the echo of every key typed after it.
      if (!asked) process.stdout.write(s);
      asked = true;
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}
