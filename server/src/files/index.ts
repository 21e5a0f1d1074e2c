// Uploaded files, shared by every module that stores them (issue 13): reading a multipart upload, the type from the
// bytes, the clean name, the storage, and sending a stored file back as a download.
export { type AcceptedFile, acceptFile, sha256Of } from './accept';
export { contentDisposition, sendDownload } from './download';
export { cleanFileName } from './file-name';
export { type DetectedType, detectFileType } from './file-type';
export { type FileDeps, type FileStorage, localDiskStorage, newStorageKey } from './storage';
export { type Upload, megabytes, readUpload } from './upload';
export {
  EXPORT_MAX_ROWS,
  type ListColumn,
  type Words,
  exportLang,
  exportList,
  labelOf,
  listExport,
  listWorkbook,
  sendWorkbook,
  workbookResponse,
  yesNo,
} from './list-workbook';
