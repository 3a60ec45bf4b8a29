// An independent verifier for Brobygger's credentials (test only): Digital Bazaar's
// vc + data-integrity + eddsa-rdfc-2022 cryptosuite, with a document loader that never
// goes to the network. Usage: node verify.mjs <fixture.json>, where the fixture holds
// {credential, didDocument, contexts: {url: document}}. Prints {"verified": bool, ...}.
import {readFileSync} from 'node:fs';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {securityLoader} from '@digitalbazaar/security-document-loader';
import multikeyContext from '@digitalbazaar/multikey-context';

const fixture = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const did = fixture.didDocument;
const base = securityLoader();
base.addStatic(multikeyContext.CONTEXT_URL, multikeyContext.CONTEXT);
for(const [url, document] of Object.entries(fixture.contexts)) {
  base.addStatic(url, document);
}
const baseLoader = base.build();

async function documentLoader(url) {
  if(url.startsWith('did:web:')) {
    const [id, fragment] = url.split('#');
    if(id !== did.id) {
      throw new Error(`unknown DID ${id}`);
    }
    if(!fragment) {
      return {contextUrl: null, documentUrl: url, document: did};
    }
    const method = did.verificationMethod.find(m => m.id === url);
    if(!method) {
      throw new Error(`unknown key ${url}`);
    }
    return {
      contextUrl: null, documentUrl: url,
      document: {'@context': multikeyContext.CONTEXT_URL, ...method}
    };
  }
  return baseLoader(url);
}

const suite = new DataIntegrityProof({cryptosuite});
// The revocation status is checked by Brobygger's own tests; here only the proof.
const checkStatus = async () => ({verified: true});
const result = await vc.verifyCredential({
  credential: fixture.credential, suite, documentLoader, checkStatus
});
const errors = [];
const collect = e => e && errors.push(String(e.message || e));
collect(result.error);
for(const r of result.results || []) {
  collect(r.error);
}
console.log(JSON.stringify({verified: result.verified, errors}));
