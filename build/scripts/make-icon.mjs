// Draws the app icon (build/icon.png, 512×512) from the app's own font, so the installer icon
// matches the UI. Run once when the design changes; the PNG is committed.
import { GlobalFonts, createCanvas } from '@napi-rs/canvas';
import { writeFileSync } from 'node:fs';

GlobalFonts.registerFromPath('resources/fonts/Cairo-Bold.ttf', 'Cairo');
const size = 512;
const canvas = createCanvas(size, size);
const ctx = canvas.getContext('2d');
ctx.fillStyle = '#087f5b';
ctx.beginPath();
ctx.roundRect(16, 16, size - 32, size - 32, 96);
ctx.fill();
ctx.fillStyle = '#ffffff';
ctx.direction = 'rtl';
ctx.textAlign = 'center';
ctx.textBaseline = 'middle';
ctx.font = 'bold 108px Cairo';
ctx.fillText('استقبال', size / 2, size / 2 - 30);
ctx.beginPath();
ctx.lineWidth = 22;
ctx.lineCap = 'round';
ctx.strokeStyle = '#ffffff';
ctx.arc(size / 2, size / 2 + 40, 150, Math.PI * 0.2, Math.PI * 0.8);
ctx.stroke();
writeFileSync('build/icon.png', canvas.toBuffer('image/png'));
console.log('build/icon.png written');
