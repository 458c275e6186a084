// The photos of the activity being typed: loaded from the engine when editing, added file by
// file (each stored at once, so a refused file never stops the others), and attached only
// when the activity is saved. Until then they are kept in a draft beside the form's, so a
// closed window loses no photo either.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  MAX_ORIGINAL_BYTES,
  MAX_PHOTOS_PER_ACTIVITY,
  type ActivityPhoto,
} from '../../../../shared/photos';
import { formatSize } from '../../../../shared/format';
import { api, errorMessage } from '../../api';
import { clearDraft, loadDraft, saveDraft } from '../../lib/drafts';
import { fileToBase64 } from '../../lib/files';

/** What happened to one file that was not added. */
export interface PhotoNotice {
  id: number;
  type: 'error' | 'warning';
  text: string;
}

export interface PhotoProgress {
  /** 1-based: the file being processed. */
  current: number;
  total: number;
}

export type PhotoFlag = 'send' | 'inReport';

const photoDraftKey = (formKey: string) => `${formKey}:photos`;

const sameList = (a: readonly ActivityPhoto[], b: readonly ActivityPhoto[]) =>
  a.length === b.length &&
  a.every(
    (p, i) => p.sha256 === b[i]!.sha256 && p.send === b[i]!.send && p.inReport === b[i]!.inReport,
  );

/** A pasted screenshot has no name of its own ("image.png"): give it one a person can tell. */
function nameOf(file: File, at: number): string {
  if (file.name !== '' && file.name !== 'image.png') return file.name;
  const stamp = new Date(at).toTimeString().slice(0, 8).replaceAll(':', '-');
  return `anh-dan-${stamp}.png`;
}

export function usePhotos(formKey: string, activityId: string | null) {
  const [photos, setPhotosState] = useState<ActivityPhoto[]>(
    () => loadDraft<ActivityPhoto[]>(photoDraftKey(formKey)) ?? [],
  );
  const [fromDraft, setFromDraft] = useState(
    () => loadDraft<ActivityPhoto[]>(photoDraftKey(formKey)) !== null,
  );
  /** The list as the engine holds it for this activity (empty for a new one). */
  const saved = useRef<ActivityPhoto[]>([]);
  const current = useRef(photos);
  const [loading, setLoading] = useState(activityId !== null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [progress, setProgress] = useState<PhotoProgress | null>(null);
  const [notices, setNotices] = useState<PhotoNotice[]>([]);
  const alive = useRef(true);
  const noticeId = useRef(0);

  const set = useCallback(
    (next: ActivityPhoto[]) => {
      current.current = next;
      setPhotosState(next);
      if (sameList(next, saved.current)) clearDraft(photoDraftKey(formKey));
      else saveDraft(photoDraftKey(formKey), next);
    },
    [formKey],
  );

  const load = useCallback(async () => {
    if (activityId === null) return;
    setLoading(true);
    setLoadError(null);
    try {
      const list = await api['activities:photos']({ id: activityId });
      if (!alive.current) return;
      saved.current = list;
      // A draft of unsaved photo changes wins over the stored list, as the form's draft does.
      if (loadDraft(photoDraftKey(formKey)) === null) {
        current.current = list;
        setPhotosState(list);
      }
    } catch (err) {
      if (alive.current) setLoadError(errorMessage(err));
    } finally {
      if (alive.current) setLoading(false);
    }
  }, [activityId, formKey]);

  useEffect(() => {
    alive.current = true;
    void load();
    return () => {
      alive.current = false;
    };
  }, [load]);

  const add = useCallback(
    async (files: readonly File[]) => {
      if (files.length === 0) return;
      const found: PhotoNotice[] = [];
      const notice = (type: PhotoNotice['type'], text: string) => {
        noticeId.current += 1;
        found.push({ id: noticeId.current, type, text });
      };
      setNotices([]);
      const now = Date.now();
      for (const [i, file] of files.entries()) {
        if (!alive.current) return;
        setProgress({ current: i + 1, total: files.length });
        const name = nameOf(file, now);
        if (current.current.length >= MAX_PHOTOS_PER_ACTIVITY) {
          notice(
            'error',
            `Mỗi hoạt động có tối đa ${MAX_PHOTOS_PER_ACTIVITY} ảnh: chưa thêm ${files.length - i} tệp còn lại.`,
          );
          break;
        }
        // The engine would say the same, after the whole file had crossed over to it.
        if (file.size > MAX_ORIGINAL_BYTES) {
          notice(
            'error',
            `Tệp ${name} nặng ${formatSize(file.size)}, quá giới hạn ${formatSize(MAX_ORIGINAL_BYTES)} cho một ảnh.`,
          );
          continue;
        }
        try {
          const view = await api['photos:add']({
            fileName: name,
            base64: await fileToBase64(file),
          });
          if (!alive.current) return;
          const twin = current.current.find((p) => p.sha256 === view.sha256);
          if (twin) {
            notice('warning', `Ảnh ${name} đã có trong danh sách (${twin.fileName}).`);
            continue;
          }
          set([...current.current, { ...view, send: true, inReport: false }]);
        } catch (err) {
          notice('error', errorMessage(err));
        }
      }
      if (!alive.current) return;
      setProgress(null);
      setNotices(found);
    },
    [set],
  );

  const remove = useCallback(
    (sha256: string) => set(current.current.filter((p) => p.sha256 !== sha256)),
    [set],
  );

  const flag = useCallback(
    (sha256: string, which: PhotoFlag, on: boolean) =>
      set(current.current.map((p) => (p.sha256 === sha256 ? { ...p, [which]: on } : p))),
    [set],
  );

  /** Attaches the list to the saved activity when it differs from what the engine holds. */
  const attach = useCallback(
    async (id: string) => {
      const list = current.current;
      if (!sameList(list, saved.current) || activityId !== id) {
        if (list.length > 0 || saved.current.length > 0) {
          saved.current = await api['activities:setPhotos']({
            id,
            photos: list.map((p) => ({ sha256: p.sha256, send: p.send, inReport: p.inReport })),
          });
        }
      }
      clearDraft(photoDraftKey(formKey));
      setFromDraft(false);
    },
    [activityId, formKey],
  );

  /** Back to the stored list (the form's "Bỏ bản nháp"). */
  const discard = useCallback(() => {
    clearDraft(photoDraftKey(formKey));
    setFromDraft(false);
    setNotices([]);
    current.current = saved.current;
    setPhotosState(saved.current);
  }, [formKey]);

  /**
   * The activity was created but its photos were not attached: from now on they belong to
   * the draft of that activity's edit form, not to the next new one.
   */
  const moveDraft = useCallback(
    (toKey: string) => {
      clearDraft(photoDraftKey(formKey));
      saveDraft(photoDraftKey(toKey), current.current);
    },
    [formKey],
  );

  return {
    photos,
    fromDraft,
    loading,
    loadError,
    reload: load,
    progress,
    notices,
    dismissNotice: (id: number) => setNotices((list) => list.filter((n) => n.id !== id)),
    add,
    remove,
    flag,
    attach,
    discard,
    moveDraft,
  };
}

export type PhotosState = ReturnType<typeof usePhotos>;
