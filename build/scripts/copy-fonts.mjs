// Copies the OFL fonts the app ships from their npm packages into resources/fonts, so neither
// the UI nor the printed documents ever fetch a font at run time.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'resources', 'fonts');
mkdirSync(out, { recursive: true });

const FONTS = [
  ['@expo-google-fonts/cairo/400Regular/Cairo_400Regular.ttf', 'Cairo-Regular.ttf'],
  ['@expo-google-fonts/cairo/600SemiBold/Cairo_600SemiBold.ttf', 'Cairo-SemiBold.ttf'],
  ['@expo-google-fonts/cairo/700Bold/Cairo_700Bold.ttf', 'Cairo-Bold.ttf'],
  ['@expo-google-fonts/amiri/400Regular/Amiri_400Regular.ttf', 'Amiri-Regular.ttf'],
  ['@expo-google-fonts/amiri/700Bold/Amiri_700Bold.ttf', 'Amiri-Bold.ttf'],
];
for (const [from, to] of FONTS) copyFileSync(require.resolve(from), join(out, to));
copyFileSync(require.resolve('@expo-google-fonts/cairo/LICENSE_FONT'), join(out, 'OFL-Cairo.txt'));
console.log(`fonts copied to ${out}`);
