//go:build darwin

package store

import "syscall"

// networkDrive names the network filesystem dir is on, or "".
func networkDrive(dir string) string {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return ""
	}
	name := make([]byte, 0, len(st.Fstypename))
	for _, c := range st.Fstypename {
		if c == 0 {
			break
		}
		name = append(name, byte(c))
	}
	switch string(name) {
	case "nfs", "smbfs", "afpfs", "webdav", "cifs":
		return string(name)
	}
	return ""
}
