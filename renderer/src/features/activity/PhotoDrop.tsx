// The activity form takes image files dropped anywhere on it. Every drag over the form stops
// here: the logbook under the dialog would otherwise read a dropped photo as a spreadsheet,
// and a file dropped outside any target would make the browser open it in place of the app.
import { useRef, useState, type ReactNode } from 'react';

function hasFiles(e: React.DragEvent): boolean {
  return Array.from(e.dataTransfer.types).includes('Files');
}

interface Props {
  /** Null: photos cannot be added now (read-only); the drop is still kept from the page. */
  onFiles: ((files: File[]) => void) | null;
  children: ReactNode;
}

export function PhotoDrop({ onFiles, children }: Props) {
  const [over, setOver] = useState(false);
  const depth = useRef(0);

  return (
    <div
      className="photo-drop"
      onDragEnter={(e) => {
        e.stopPropagation();
        if (!hasFiles(e)) return;
        depth.current += 1;
        if (onFiles) setOver(true);
      }}
      onDragLeave={(e) => {
        e.stopPropagation();
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      }}
      onDragOver={(e) => {
        e.stopPropagation();
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = onFiles ? 'copy' : 'none';
      }}
      onDrop={(e) => {
        e.stopPropagation();
        depth.current = 0;
        setOver(false);
        if (!hasFiles(e)) return;
        e.preventDefault();
        onFiles?.(Array.from(e.dataTransfer.files));
      }}
    >
      {children}
      {over ? (
        <div className="drop-over photo-drop-over" data-testid="photo-drop-over">
          Thả ảnh vào đây để đính kèm vào hoạt động
        </div>
      ) : null}
    </div>
  );
}
