/** Pictures customers send, read offline (PaddleOCR in a child process), and what their text means to the shop. */
export { OcrService, OcrUnavailableError } from './ocrService';
export type { OcrLine, OcrReading, PictureReader } from './ocrService';
export { ocrSettings, visionConfigSchema } from './config';
export type { OcrSettings, VisionConfig } from './config';
export { orderNumbersIn, productOnPicture, readPictureText } from './pictureText';
export type { PictureText } from './pictureText';
