// Which signed bundle the page screens with, and replacing it safely. At start: the bundle stored in this
// browser (its signature checked again), else the site's default, downloaded, checked and stored. A newer
// bundle (from a URL on this site, or from files) replaces the one in use only once its signature and its
// sha256 have been checked and the core has loaded it; otherwise the old one stays and the reason is given.
// Emits 'change' ({ detail: { previous, current } }) when the bundle in use changes.
import { createChecker, ExportCheckError } from '../lib/exportcheck.mjs';
import { downloadBundle, loadBytes } from '../lib/download.js';
import { loadStoredBundle, storeBundle } from './bundle-store.js';

export const DEFAULT_BUNDLE = 'bundle/default.ecb.gz';
const SIGNATURE_BYTES = 64;

const pageUrl = (path) => new URL(path, document.baseURI);

// Never an HTTP-cached copy: a newer bundle must be seen as soon as the site has it.
const NO_STORE = { cache: 'no-store' };

const summary = (checker) => {
  const info = checker.info();
  return { id: info.id, built_at: info.built_at, sha256: info.sha256, fileSha256: checker.fileSha256 };
};

export class BundleManager extends EventTarget {
  checker;
  record; // what is stored: source, origin, ids

  // Loads the bundle to screen with. Resolves to { checker, fresh, notices: [code] }.
  async start() {
    const notices = [];
    let stored;
    try {
      stored = await loadStoredBundle();
    } catch {
      notices.push('storage_unavailable');
    }
    if (stored) {
      try {
        this.checker = await createChecker({ bundle: stored.bytes, signature: stored.signature });
        this.record = stored;
        this.checkSiteDefault().catch(() => {}); // a newer default from a new deploy of the site
        return { checker: this.checker, fresh: false, notices };
      } catch (err) {
        notices.push(err.code === 'bundle_signature_invalid' ? 'stored_refused' : 'stored_unreadable');
      }
    }
    const url = pageUrl(DEFAULT_BUNDLE);
    const [bytes, signature] = await downloadBundle(url, undefined, NO_STORE);
    this.checker = await createChecker({ bundle: bytes, signature });
    this.record = { bytes, signature, source: 'default', origin: DEFAULT_BUNDLE, ...summary(this.checker) };
    try {
      await storeBundle(this.record);
    } catch {
      notices.push('storage_unavailable');
    }
    return { checker: this.checker, fresh: true, notices };
  }

  // Verifies and loads a bundle given as bytes; on success it replaces the one in use and is stored.
  // Rejects (the bundle in use unchanged) with ExportCheckError: bundle_signature_invalid, signature_missing,
  // bundle_same, or the core's bundle_* codes.
  // onlyIfNewer: keep the bundle in use (resolve to null) unless this one was built later.
  async replace({ bytes, signature, source, origin, onlyIfNewer = false }) {
    if (!signature) throw new ExportCheckError('signature_missing', 'no signature');
    if (signature.byteLength !== SIGNATURE_BYTES) {
      throw new ExportCheckError('bundle_signature_invalid', `the signature file has ${signature.byteLength} bytes, not 64`);
    }
    const next = await createChecker({ bundle: bytes, signature });
    if (onlyIfNewer && this.checker && !(next.info().built_at > this.checker.info().built_at)) {
      next.close();
      return null;
    }
    if (next.info().sha256 === this.checker?.info().sha256) {
      next.close();
      throw new ExportCheckError('bundle_same', 'this bundle is already in use');
    }
    const previous = this.checker ? { info: this.checker.info(), fileSha256: this.checker.fileSha256 } : undefined;
    const record = { bytes, signature, source, origin, ...summary(next) };
    await storeBundle(record); // stored first: a page closed now restarts with the new bundle
    this.checker?.close();
    this.checker = next;
    this.record = record;
    this.dispatchEvent(new CustomEvent('change', { detail: { previous, current: next.info() } }));
    return next;
  }

  // A bundle from a URL on this site (the page may talk to no other origin). The signature is the same URL
  // + '.sig' unless given.
  async replaceFromUrl(href, signatureHref) {
    const url = pageUrl(String(href).trim());
    const sigUrl = signatureHref ? pageUrl(String(signatureHref).trim()) : new URL(url.href + '.sig');
    for (const u of [url, sigUrl]) {
      if (u.origin !== location.origin) {
        throw new ExportCheckError('bundle_other_origin', `${u.origin} is another site`);
      }
    }
    const [bytes, signature] = await downloadBundle(url, sigUrl, NO_STORE);
    return this.replace({ bytes, signature, source: 'url', origin: url.pathname });
  }

  // A bundle from files the user picked or dropped: the bundle and its 64-byte signature (.sig).
  async replaceFromFiles(files) {
    const list = Array.from(files);
    const sigFile = list.find((f) => /\.sig$/i.test(f.name)) ?? list.find((f) => f.size === SIGNATURE_BYTES);
    const bundleFile = list.find((f) => f !== sigFile);
    if (!bundleFile) throw new ExportCheckError('bundle_missing', 'no bundle file');
    if (!sigFile) throw new ExportCheckError('signature_missing', 'no signature file');
    const [bytes, signature] = await Promise.all([bundleFile.arrayBuffer(), sigFile.arrayBuffer()]);
    return this.replace({ bytes, signature, source: 'file', origin: bundleFile.name });
  }

  // When the bundle in use is the site's default and the site now ships another (newer) one, use it.
  async checkSiteDefault() {
    if (this.record?.source !== 'default') return false;
    const url = pageUrl(DEFAULT_BUNDLE);
    const signature = await loadBytes(new URL(url.href + '.sig'), 'signature', NO_STORE);
    if (sameBytes(signature, this.record.signature)) return false;
    const bytes = await loadBytes(url, 'bundle', NO_STORE);
    return !!(await this.replace({ bytes, signature, source: 'default', origin: DEFAULT_BUNDLE, onlyIfNewer: true }));
  }
}

function sameBytes(a, b) {
  const x = new Uint8Array(a);
  const y = new Uint8Array(b);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}
