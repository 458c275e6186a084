// Where package files come in: dropped or chosen (any number, any file: the engine says
// what is wrong with one that is not a package), or a whole folder, chosen or dropped, of
// which only the .ttpkg files are taken and the others named in a line.
import { useEffect, useRef } from 'react';
import { Button, Upload, Typography } from 'antd';
import { FolderOpenOutlined, InboxOutlined } from '@ant-design/icons';
import { PACKAGE_EXTENSION } from '../../../../shared/package';
import { displayName, droppedFolderEntries, filesOfEntries } from '../../lib/files';

interface Props {
  disabled: boolean;
  onFiles: (files: File[], skipped: string[]) => void;
}

const isPackage = (f: File) => f.name.toLowerCase().endsWith(PACKAGE_EXTENSION);

export function DropZone({ disabled, onFiles }: Props) {
  const folderInput = useRef<HTMLInputElement>(null);
  // Upload calls beforeUpload once per file of a drop or a choice: gather them into one batch.
  const batch = useRef<File[]>([]);

  useEffect(() => {
    // React has no typed prop for it; Chromium and Electron pick a folder with it.
    folderInput.current?.setAttribute('webkitdirectory', '');
  }, []);

  const gather = (file: File) => {
    if (batch.current.length === 0) {
      window.setTimeout(() => {
        const files = batch.current;
        batch.current = [];
        if (files.length > 0) onFiles(files, []);
      }, 0);
    }
    batch.current.push(file);
    return false;
  };

  const fromFolder = (list: FileList | null) => {
    const files = Array.from(list ?? []).sort((a, b) =>
      displayName(a).localeCompare(displayName(b)),
    );
    if (folderInput.current) folderInput.current.value = '';
    if (files.length === 0) return;
    onFiles(files.filter(isPackage), files.filter((f) => !isPackage(f)).map(displayName));
  };

  // A dropped folder reaches Upload as one empty "file": walk it here instead, the same way
  // "Chọn thư mục" takes a folder. Plain files go on to Upload.
  const onDropCapture = (e: React.DragEvent<HTMLDivElement>) => {
    if (disabled) return;
    const entries = droppedFolderEntries(e.dataTransfer);
    if (!entries) return;
    e.preventDefault();
    e.stopPropagation();
    void filesOfEntries(entries).then((found) => {
      found.sort((a, b) => a.path.localeCompare(b.path));
      onFiles(
        found.filter((f) => isPackage(f.file)).map((f) => f.file),
        found.filter((f) => !isPackage(f.file)).map((f) => f.path),
      );
    });
  };

  return (
    <div className="inbox-drop" data-testid="inbox-drop" onDropCapture={onDropCapture}>
      <Upload.Dragger
        multiple
        disabled={disabled}
        showUploadList={false}
        beforeUpload={gather}
        data-testid="inbox-dragger"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">Kéo thả các tệp gói dữ liệu (.ttpkg) vào đây</p>
        <p className="ant-upload-hint">hoặc bấm để chọn tệp; chọn được nhiều tệp một lúc</p>
      </Upload.Dragger>
      <div className="inbox-folder">
        <Typography.Text type="secondary">
          Các gói nằm chung một thư mục (ổ USB, thư mục tải về từ email)? Chọn cả thư mục: chỉ các
          tệp .ttpkg được nhận.
        </Typography.Text>
        <Button
          icon={<FolderOpenOutlined />}
          disabled={disabled}
          onClick={() => folderInput.current?.click()}
          data-testid="inbox-folder"
        >
          Chọn thư mục
        </Button>
        <input
          ref={folderInput}
          type="file"
          multiple
          hidden
          onChange={(e) => fromFolder(e.target.files)}
          data-testid="inbox-folder-input"
        />
      </div>
    </div>
  );
}
