import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStackConfigFromEnv } from './config';

// The openrc variables an operator already has, plus the portal's own: what they become, and a
// message naming the variable when one is missing or wrong.

const openrc = {
  OS_AUTH_URL: 'http://127.0.0.1:5000/v3',
  OS_USERNAME: 'portal',
  OS_PASSWORD: 'portal',
  OS_PROJECT_NAME: 'portal',
  OS_USER_DOMAIN_NAME: 'Default',
  OS_PROJECT_DOMAIN_NAME: 'Default',
  OS_REGION_NAME: 'RegionOne',
};

describe('openStackConfigFromEnv', () => {
  it('reads an openrc, with the portal defaults', () => {
    expect(openStackConfigFromEnv(openrc)).toEqual({
      authUrl: 'http://127.0.0.1:5000/v3',
      auth: {
        method: 'password',
        username: 'portal',
        password: 'portal',
        userDomain: { name: 'Default' },
        project: { name: 'portal', domain: { name: 'Default' } },
      },
      region: 'RegionOne',
      interface: 'public',
      flavorMap: {},
      imageMap: {},
      defaultImage: undefined,
      network: 'none',
      timeoutMs: 30_000,
    });
  });

  it('reads the maps, network, timeout, interface and a project id', () => {
    const network = '0b5cbd8a-3b0e-4f5e-9c27-0c3f8a7d2e11';
    const config = openStackConfigFromEnv({
      ...openrc,
      OS_AUTH_URL: 'https://keystone.city.example:5000/',
      OS_PROJECT_ID: 'd7703f0a136440938f36b63b48fe4815',
      OS_INTERFACE: 'internalURL',
      DCLOUD_OS_FLAVOR_MAP: '{"c2m4":"m1.medium"}',
      DCLOUD_OS_IMAGE_MAP: '{"rocky-9":"Rocky-9.4"}',
      DCLOUD_OS_DEFAULT_IMAGE: 'fake-image',
      DCLOUD_OS_NETWORK: network,
      DCLOUD_OS_TIMEOUT_MS: '5000',
    });
    expect(config).toMatchObject({
      authUrl: 'https://keystone.city.example:5000/v3',
      auth: { project: { id: 'd7703f0a136440938f36b63b48fe4815' } },
      interface: 'internal',
      flavorMap: { c2m4: 'm1.medium' },
      imageMap: { 'rocky-9': 'Rocky-9.4' },
      defaultImage: 'fake-image',
      network,
      timeoutMs: 5000,
    });
  });

  it('takes the secret from a file, without its trailing newline', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'os-config-')), 'password');
    writeFileSync(file, 's3cret\n');
    const { OS_PASSWORD: _, ...rest } = openrc;
    expect(openStackConfigFromEnv({ ...rest, OS_PASSWORD_FILE: file }).auth).toMatchObject({
      password: 's3cret',
    });
  });

  it('uses an application credential when one is given', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'os-config-')), 'secret');
    writeFileSync(file, 'ac-secret\n');
    const env = {
      OS_AUTH_URL: 'http://127.0.0.1:5000/v3',
      OS_AUTH_TYPE: 'v3applicationcredential',
      OS_APPLICATION_CREDENTIAL_ID: 'ac-1',
      OS_APPLICATION_CREDENTIAL_SECRET_FILE: file,
    };
    expect(openStackConfigFromEnv(env).auth).toEqual({
      method: 'application_credential',
      id: 'ac-1',
      secret: 'ac-secret',
    });
  });

  it.each([
    { label: 'no auth URL', env: { ...openrc, OS_AUTH_URL: undefined }, says: 'OS_AUTH_URL is not set' },
    {
      label: 'a bad auth URL',
      env: { ...openrc, OS_AUTH_URL: 'keystone' },
      says: 'OS_AUTH_URL must be the Keystone URL',
    },
    { label: 'no user', env: { ...openrc, OS_USERNAME: undefined }, says: 'OS_USERNAME is not set' },
    {
      label: 'no password',
      env: { ...openrc, OS_PASSWORD: '' },
      says: 'OS_PASSWORD is not set (or OS_PASSWORD_FILE)',
    },
    {
      label: 'an unreadable password file',
      env: { ...openrc, OS_PASSWORD: undefined, OS_PASSWORD_FILE: '/nonexistent/pw' },
      says: 'OS_PASSWORD_FILE (/nonexistent/pw) cannot be read',
    },
    {
      label: 'no project',
      env: { ...openrc, OS_PROJECT_NAME: undefined },
      says: 'OS_PROJECT_NAME is not set',
    },
    {
      label: 'an app credential without secret',
      env: { ...openrc, OS_APPLICATION_CREDENTIAL_ID: 'ac' },
      says: 'OS_APPLICATION_CREDENTIAL_SECRET is not set',
    },
    {
      label: 'an unknown interface',
      env: { ...openrc, OS_INTERFACE: 'private' },
      says: 'OS_INTERFACE must be public, internal or admin',
    },
    {
      label: 'a flavour map that is not JSON',
      env: { ...openrc, DCLOUD_OS_FLAVOR_MAP: '{c2m4: m1}' },
      says: 'DCLOUD_OS_FLAVOR_MAP is not valid JSON',
    },
    {
      label: 'an image map that is not an object of strings',
      env: { ...openrc, DCLOUD_OS_IMAGE_MAP: '["a"]' },
      says: 'DCLOUD_OS_IMAGE_MAP must be a JSON object of strings',
    },
    {
      label: 'a network that is not a uuid',
      env: { ...openrc, DCLOUD_OS_NETWORK: 'public' },
      says: 'DCLOUD_OS_NETWORK must be a network uuid',
    },
    {
      label: 'a timeout that is not a number',
      env: { ...openrc, DCLOUD_OS_TIMEOUT_MS: 'soon' },
      says: 'DCLOUD_OS_TIMEOUT_MS must be a number',
    },
  ])('names the variable for $label', ({ env, says }) => {
    expect(() => openStackConfigFromEnv(env)).toThrow(`OpenStack configuration: ${says}`);
  });
});
