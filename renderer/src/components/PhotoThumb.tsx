// One photo's thumbnail, loaded on first show; a grey box while it comes, a broken-image
// icon when the store cannot give it (the rest of the screen still works).
import { useEffect, useState, type CSSProperties } from 'react';
import { FileImageOutlined, LoadingOutlined } from '@ant-design/icons';
import { errorMessage } from '../api';
import { loadPhotoImage, type PhotoLoader, type ShownImage } from '../lib/photoImages';
import './photos.css';

interface Props {
  sha256: string;
  alt: string;
  width: number;
  height: number;
  load?: PhotoLoader;
  style?: CSSProperties;
}

export function PhotoThumb({ sha256, alt, width, height, load = loadPhotoImage, style }: Props) {
  const [image, setImage] = useState<ShownImage | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setImage(null);
    setError(null);
    load(sha256, 'thumb').then(
      (img) => live && setImage(img),
      (err: unknown) => live && setError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [sha256, load]);

  return (
    <div className="photo-thumb" style={{ width, height, ...style }} title={error ?? alt}>
      {image ? (
        <img src={image.src} alt={alt} data-testid="photo-thumb-img" />
      ) : error ? (
        <FileImageOutlined style={{ fontSize: 28, color: '#bfbfbf' }} />
      ) : (
        <LoadingOutlined style={{ color: '#bfbfbf' }} />
      )}
    </div>
  );
}
