// Reading a built .docx as its text, and rendering it with LibreOffice and poppler the way a
// reader would see it: the office report's and the merged report's tests share these.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';

/** Text of the runs, paragraph by paragraph, so words split across runs still match. */
export function plainText(xml: string): string {
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** A part of the package as text; throws when it is missing. */
export async function zipPart(zip: JSZip, name: string): Promise<string> {
  const file = zip.file(name);
  if (!file) throw new Error(`${name} is missing`);
  return file.async('string');
}

/**
 * Every part of a package by name, as bytes, for comparing two builds (the ZIP itself
 * differs: it stamps each entry with the time of packing).
 */
export async function zipParts(buffer: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(buffer);
  const names = Object.keys(zip.files)
    .filter((n) => !zip.files[n]!.dir)
    .sort();
  const parts = await Promise.all(
    names.map(async (n) => [n, await zip.files[n]!.async('nodebuffer')] as const),
  );
  return new Map(parts);
}

/**
 * Converts a .docx to PDF next to it with LibreOffice, in a throwaway user profile so
 * parallel test files do not fight over one; returns the PDF's path.
 */
export function convertToPdf(docx: string, timeoutMs = 110_000): string {
  const outDir = path.dirname(docx);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-'));
  try {
    const r = spawnSync(
      'libreoffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        docx,
      ],
      { encoding: 'utf8', timeout: timeoutMs },
    );
    if (r.status !== 0) throw new Error(`libreoffice exited with ${r.status}: ${r.stderr}`);
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const pdf = path.join(outDir, `${path.basename(docx, '.docx')}.pdf`);
  if (!fs.existsSync(pdf)) throw new Error(`LibreOffice wrote no ${pdf}`);
  return pdf;
}

export interface PdfInfo {
  pages: number;
  /** Page size in points, rounded. */
  width: number;
  height: number;
}

export function pdfInfo(pdf: string): PdfInfo {
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]),
    width: Math.round(Number(size?.[1])),
    height: Math.round(Number(size?.[2])),
  };
}

/** The PDF's text in reading order, keeping each page's layout (columns of a table). */
export function pdfText(pdf: string): string {
  const r = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftotext exited with ${r.status}: ${r.stderr}`);
  return r.stdout.normalize('NFC');
}
