// `tuyentruyen activities attach ID FILE…`: photos as evidence for one activity. Every file is
// read and checked before any is attached, and all attach in one change: one bad file
// attaches none.
import fs from 'node:fs';
import type { Output } from '../../shared/contract';
import type { Lang } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { PHOTO_DATE_SLACK_DAYS, photoDateGap, type PhotoView } from '../../shared/photos';
import { EXIT_OK, openCore, parse, refused, unwrap, UsageError, type Io } from './args';

function readPhoto(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch {
    throw refused({ vi: `Không đọc được tệp ${file}.`, en: `Cannot read the file ${file}.` });
  }
}

export async function activitiesAttach(args: string[], io: Io, lang: Lang): Promise<number> {
  const { values, positionals } = parse(args, { report: { type: 'boolean' } }, -1);
  if (positionals.length < 2) throw new UsageError('cần mã hoạt động và ít nhất một tệp ảnh');
  const [id, ...files] = positionals as [string, ...string[]];
  const bytes = files.map(readPhoto);
  const core = await openCore(values);
  try {
    const activity = unwrap<Output<'activities:get'>>(
      await core.call('activities:get', { id }, lang),
    );
    const added: PhotoView[] = [];
    for (const [i, file] of files.entries()) {
      added.push(
        unwrap<PhotoView>(
          await core.call(
            'photos:add',
            { fileName: file, base64: bytes[i]!.toString('base64') },
            lang,
          ),
        ),
      );
    }
    const before = unwrap<Output<'activities:photos'>>(
      await core.call('activities:photos', { id }, lang),
    );
    const held = new Set(before.map((p) => p.sha256));
    const fresh = added.filter(
      (p, i) => !held.has(p.sha256) && added.findIndex((q) => q.sha256 === p.sha256) === i,
    );
    const after = unwrap<Output<'activities:setPhotos'>>(
      await core.call(
        'activities:setPhotos',
        {
          id,
          photos: [
            ...before.map((p) => ({ sha256: p.sha256, send: p.send, inReport: p.inReport })),
            ...fresh.map((p) => ({ sha256: p.sha256, inReport: values.report ?? false })),
          ],
        },
        lang,
      ),
    );
    for (const p of added) {
      const gap = photoDateGap(p.takenAt, activity.date, activity.endDate);
      const taken = p.takenAt ? formatDate(p.takenAt.slice(0, 10)) : null;
      const facts =
        lang === 'en'
          ? `${p.width}×${p.height}, ${taken ? `taken ${p.takenAt!.slice(0, 10)}` : 'no camera date'}${
              gap !== null && gap > PHOTO_DATE_SLACK_DAYS ? ` (${gap} days from the activity)` : ''
            }${held.has(p.sha256) ? ', already attached' : ''}`
          : `${p.width}×${p.height}, ${taken ? `chụp ngày ${taken}` : 'không có ngày chụp'}${
              gap !== null && gap > PHOTO_DATE_SLACK_DAYS
                ? ` (cách ngày hoạt động ${gap} ngày, hãy kiểm tra lại)`
                : ''
            }${held.has(p.sha256) ? ', đã gắn từ trước' : ''}`;
      io.out(`${p.fileName}: ${facts}`);
    }
    io.out(
      lang === 'en'
        ? `Attached ${fresh.length} photos to activity ${id} (${after.length} in all).`
        : `Đã gắn ${fresh.length} ảnh vào hoạt động ${id} (nay có ${after.length} ảnh).`,
    );
    return EXIT_OK;
  } finally {
    core.close();
  }
}
