// The logbook takes a spreadsheet dropped anywhere on it: while a file is dragged over, a
// frame says what letting go will do.
import { useRef, useState, type ReactNode } from 'react';
import { App } from 'antd';
import { useSheetImportStore } from '../../stores/sheetImport';
import './sheetDrop.css';

export const SHEET_ACCEPT = '.xlsx,.csv';
const isSheet = (name: string) => /\.(xlsx|csv)$/i.test(name);

function hasFiles(e: React.DragEvent): boolean {
  return Array.from(e.dataTransfer.types).includes('Files');
}

export function SheetDrop({ disabled, children }: { disabled: boolean; children: ReactNode }) {
  const { message } = App.useApp();
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  const start = useSheetImportStore((s) => s.start);

  return (
    <div
      className="sheet-drop"
      data-testid="sheet-drop"
      onDragEnter={(e) => {
        if (disabled || !hasFiles(e)) return;
        depth.current += 1;
        setOver(true);
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      }}
      onDragOver={(e) => {
        if (disabled || !hasFiles(e)) return;
        e.preventDefault();
      }}
      onDrop={(e) => {
        depth.current = 0;
        setOver(false);
        if (disabled || !hasFiles(e)) return;
        e.preventDefault();
        const file = e.dataTransfer.files[0];
        if (!file) return;
        if (!isSheet(file.name)) {
          void message.error(
            /\.xls$/i.test(file.name)
              ? `"${file.name}" là tệp Excel cũ (.xls): hãy mở trong Excel, lưu lại dạng .xlsx rồi kéo thả tệp đó.`
              : `"${file.name}" không phải bảng tính: chỉ nhập được tệp .xlsx hoặc .csv.`,
          );
          return;
        }
        void start(file);
      }}
    >
      {children}
      {over ? (
        <div className="drop-over sheet-drop-over" data-testid="sheet-drop-over">
          Thả tệp Excel (.xlsx) hoặc CSV vào đây để nhập các hoạt động
        </div>
      ) : null}
    </div>
  );
}
