/** electron-builder.yml and the build output agree with the security and packaging rules. */
import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);

const config = parse(readFileSync('electron-builder.yml', 'utf8'));
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

describe('packaging configuration', () => {
  it("passes electron-builder's own schema validation (and a wrong key would not)", async () => {
    // electron-builder's validator, the one `npm run dist` runs first; reached by path because it is not exported.
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
    const { DebugLogger } = require('builder-util/out/DebugLogger');
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...structuredClone(config), fusesTypo: true }, new DebugLogger(false))).rejects.toThrow(/Invalid configuration/);
  });

  it('flips the fuses: no RunAsNode, no NODE_OPTIONS, no inspect, asar integrity, asar only, cookie encryption', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });
  it('never rebuilds native modules and ships no auto-updater', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.publish).toBeNull();
    expect(JSON.stringify(pkg.dependencies)).not.toMatch(/electron-updater/);
  });
  it('builds NSIS per machine with Arabic, AppImage and deb', () => {
    expect(config.win.target[0].target).toBe('nsis');
    expect(config.nsis.perMachine).toBe(true);
    expect(config.nsis.installerLanguages).toContain('ar_SA');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });
  it('uses a supported Electron major that fetches its binary at first launch', () => {
    expect(pkg.devDependencies.electron).toMatch(/^\^?45\./);
  });
  it('points main at the bundled shell, which exists after a build', () => {
    expect(pkg.main).toBe('dist/main/shell.cjs');
    expect(existsSync(pkg.main)).toBe(true);
    expect(existsSync('dist/main/preload.cjs')).toBe(true);
    expect(readFileSync('dist/main/preload.cjs', 'utf8').length).toBeLessThan(20_000);
  });
  it('ships a 512×512 PNG icon for both platforms', () => {
    const png = readFileSync('build/icon.png');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    expect(config.win.icon).toBe('build/icon.png');
    expect(config.linux.icon).toBe('build/icon.png');
  });
  it('every native dependency is a Node-API module', () => {
    for (const name of Object.keys(pkg.dependencies)) {
      const dep = JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8'));
      if (dep.gypfile || dep.binary) expect(dep.binary?.napi_versions ?? dep.napi, name).toBeDefined();
    }
  });
});
